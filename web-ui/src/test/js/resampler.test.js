import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resampler } from '../../main/resources/web/shared/resampler.js';
import { meanSquare, tonePower } from '../../main/resources/web/shared/goertzel.js';

function tone(hz, rate, seconds, amplitude = 0.5) {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
    amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Runs `input` through in blocks of `block` samples, as an AudioWorklet or a 20 ms frame would. */
function run(r, input, block) {
  const out = [];
  const buf = new Float32Array(r.maxOutput(block));
  for (let i = 0; i < input.length; i += block) {
    const n = r.process(input.subarray(i, i + block), buf);
    out.push(...buf.subarray(0, n));
  }
  return Float32Array.from(out);
}

/** Power of hz in the steady part (skips the kernel's start-up). */
function power(samples, hz, rate) {
  const skip = Math.round(rate * 0.05);
  const n = Math.round(rate * 0.2); // whole periods of every tone tested
  return tonePower(samples, hz, rate, skip, n);
}

const DOWN = [48000, 44100];

for (const inRate of DOWN) {
  test(`${inRate} -> 8000 keeps a 1 kHz tone at its frequency and level`, () => {
    const out = run(new Resampler(inRate, 8000), tone(1000, inRate, 0.5), 128);
    assert.ok(Math.abs(out.length - 4000) <= 60, `length ${out.length}`);
    const p = power(out, 1000, 8000);
    assert.ok(Math.abs(p - 0.125) < 0.125 * 0.1, `1 kHz power ${p}`);
    assert.ok(p > 0.9 * meanSquare(out, 400, 1600), 'energy is in the 1 kHz bin');
  });

  test(`${inRate} -> 8000 does not fold a 6 kHz tone into the band`, () => {
    const out = run(new Resampler(inRate, 8000), tone(6000, inRate, 0.5), 128);
    const alias = 8000 - 6000;
    const p = power(out, alias, 8000);
    // Unfiltered decimation would put the whole tone (0.125) at 2 kHz; demand 50 dB below.
    assert.ok(p < 0.125e-5, `2 kHz alias power ${p}`);
    assert.ok(meanSquare(out, 400, 1600) < 0.125e-4, 'nothing else either');
  });
}

for (const outRate of DOWN) {
  test(`8000 -> ${outRate} keeps a 1 kHz tone and leaves no image at 7 kHz`, () => {
    const out = run(new Resampler(8000, outRate), tone(1000, 8000, 0.5), 160);
    assert.ok(Math.abs(out.length - outRate / 2) <= 200, `length ${out.length}`);
    const p = power(out, 1000, outRate);
    assert.ok(Math.abs(p - 0.125) < 0.125 * 0.1, `1 kHz power ${p}`);
    assert.ok(power(out, 7000, outRate) < 0.125e-4, 'image at 8000 - 1000 Hz');
  });
}

test('odd block sizes give the same samples as one block', () => {
  const input = tone(440, 48000, 0.2);
  const whole = run(new Resampler(48000, 8000), input, input.length);
  const pieces = run(new Resampler(48000, 8000), input, 37);
  assert.equal(pieces.length, whole.length);
  for (let i = 0; i < whole.length; i++) assert.ok(Math.abs(pieces[i] - whole[i]) < 1e-6, `#${i}`);
});

test('rates must be positive', () => {
  assert.throws(() => new Resampler(0, 8000), /rates must be positive/);
});
