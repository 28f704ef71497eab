import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame, encodeFrame, FRAME_BYTES } from '../../main/resources/web/shared/frames.js';

test('header is version, payload type, big-endian seq and timestamp', () => {
  const payload = new Uint8Array(160).fill(0xd5);
  const buf = encodeFrame({ payloadType: 8, seq: 0x1234, timestamp: 0xa1b2c3d4, payload });
  assert.equal(buf.byteLength, FRAME_BYTES);
  assert.deepEqual([...new Uint8Array(buf, 0, 8)], [1, 8, 0x12, 0x34, 0xa1, 0xb2, 0xc3, 0xd4]);
  const f = decodeFrame(buf);
  assert.equal(f.payloadType, 8);
  assert.equal(f.seq, 0x1234);
  assert.equal(f.timestamp, 0xa1b2c3d4);
  assert.deepEqual(f.payload, payload);
});

test('seq and timestamp wrap', () => {
  const f = decodeFrame(
    encodeFrame({ payloadType: 0, seq: 65536 + 3, timestamp: 2 ** 32 + 160, payload: new Uint8Array(160) }));
  assert.equal(f.seq, 3);
  assert.equal(f.timestamp, 160);
});

test('bad frames are values naming the problem', () => {
  assert.deepEqual(decodeFrame(new ArrayBuffer(10)), { error: 'length 10' });
  const wrongVersion = new Uint8Array(FRAME_BYTES);
  wrongVersion[0] = 2;
  assert.deepEqual(decodeFrame(wrongVersion.buffer), { error: 'version 2' });
  const wrongType = new Uint8Array(FRAME_BYTES);
  wrongType[0] = 1;
  wrongType[1] = 18;
  assert.deepEqual(decodeFrame(wrongType.buffer), { error: 'payload type 18' });
});

test('a payload of the wrong size is refused', () => {
  assert.throws(
    () => encodeFrame({ payloadType: 0, seq: 0, timestamp: 0, payload: new Uint8Array(80) }),
    /80 bytes/);
});
