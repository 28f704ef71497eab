package org.tawag.media.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.media.AudioSource;
import org.tawag.testing.ToneDetector;
import org.tawag.testing.ToneGenerator;

/** The mixer driven as the caller's leg drives it: write the caller's frame, then read. */
class CallMixerTest {
  private static final AudioCodec U = AudioCodec.PCMU;
  private static final int N = AudioCodec.FRAME_SAMPLES;
  private static final int CALLER_HZ = 1000;
  private static final int AGENT_HZ = 2000;
  private static final int SUPERVISOR_HZ = 400;

  private final CallMixer mixer = new CallMixer();
  private final RecordingSink agentHears = new RecordingSink();
  private final RecordingSink supervisorHears = new RecordingSink();
  private final RecordingSink callerHears = new RecordingSink();
  private final ToneSource agent = new ToneSource(AGENT_HZ);
  private final ToneSource supervisorMic = new ToneSource(SUPERVISOR_HZ);
  private final ToneGenerator caller = new ToneGenerator(CALLER_HZ, 0.3, 8000);
  private final int[] ended = {0};
  private final CallMixer.Supervisor supervisor =
      new CallMixer.Supervisor(supervisorHears, supervisorMic, () -> ended[0]++);

  @Test
  void withoutSupervisorTheCallerAndAgentHearEachOther() {
    mixer.connectAgent(agent, agentHears);
    frames(5);
    assertEquals(5, agentHears.withTone(CALLER_HZ));
    assertEquals(5, callerHears.withTone(AGENT_HZ));
    assertEquals(0, supervisorMic.reads);
    assertNull(mixer.mode());
  }

  @Test
  void listenHearsBothSidesAndNobodyHearsTheSupervisor() {
    mixer.connectAgent(agent, agentHears);
    mixer.supervise(supervisor, CallMixer.Mode.LISTEN);
    frames(5);
    assertEquals(5, supervisorHears.withTone(CALLER_HZ));
    assertEquals(5, supervisorHears.withTone(AGENT_HZ));
    assertEquals(5, agentHears.withTone(CALLER_HZ));
    assertEquals(0, agentHears.withTone(SUPERVISOR_HZ));
    assertEquals(0, callerHears.withTone(SUPERVISOR_HZ));
    assertEquals(0, supervisorMic.reads, "the microphone is not even read while listening");
  }

  @Test
  void whisperReachesTheAgentOnly() {
    mixer.connectAgent(agent, agentHears);
    mixer.supervise(supervisor, CallMixer.Mode.WHISPER);
    frames(5);
    assertEquals(5, agentHears.withTone(SUPERVISOR_HZ));
    assertEquals(5, agentHears.withTone(CALLER_HZ));
    assertEquals(0, callerHears.withTone(SUPERVISOR_HZ));
    assertEquals(5, callerHears.withTone(AGENT_HZ));
    assertEquals(5, supervisorHears.withTone(CALLER_HZ));
    assertEquals(0, supervisorHears.withTone(SUPERVISOR_HZ), "no echo of one's own voice");
  }

  @Test
  void bargeMakesAThreeWayCall() {
    mixer.connectAgent(agent, agentHears);
    mixer.supervise(supervisor, CallMixer.Mode.LISTEN);
    frames(2);
    assertTrue(mixer.mode(supervisor, CallMixer.Mode.BARGE));
    callerHears.clear();
    agentHears.clear();
    frames(5);
    assertEquals(5, callerHears.withTone(SUPERVISOR_HZ));
    assertEquals(5, callerHears.withTone(AGENT_HZ));
    assertEquals(5, agentHears.withTone(SUPERVISOR_HZ));
    assertEquals(5, agentHears.withTone(CALLER_HZ));
    assertEquals(0, agentHears.withTone(AGENT_HZ));
    assertEquals(0, callerHears.withTone(CALLER_HZ));
  }

  @Test
  void whisperGoesOnWhenTheCallerIsSilent() {
    mixer.connectAgent(agent, agentHears);
    mixer.supervise(supervisor, CallMixer.Mode.WHISPER);
    for (int i = 0; i < 3; i++) {
      mixer.read(U, new byte[N]); // no caller frame came out of the jitter buffer
    }
    assertEquals(3, agentHears.withTone(SUPERVISOR_HZ));
  }

  @Test
  void whenTheLegSendsNothingTheCallerStillReachesTheAgentAndTheSupervisor() {
    mixer.connectAgent(agent, agentHears);
    mixer.supervise(supervisor, CallMixer.Mode.WHISPER);
    short[] pcm = new short[N];
    byte[] in = new byte[N];
    for (int i = 0; i < 4; i++) {
      caller.next(pcm, 0, N);
      org.tawag.media.codec.G711.encode(U, pcm, 0, in, 0, N);
      mixer.write(U, in); // no read(): the caller put us on hold (sendonly)
    }
    // Each frame goes out when the next arrives; the last waits for a read or a next frame.
    assertEquals(3, agentHears.withTone(CALLER_HZ));
    assertEquals(3, supervisorHears.withTone(CALLER_HZ));
  }

  @Test
  void endingTellsTheSupervisorOnceAndRestoresTheDirectPath() {
    mixer.connectAgent(agent, agentHears);
    mixer.supervise(supervisor, CallMixer.Mode.BARGE);
    mixer.end();
    mixer.end();
    assertEquals(1, ended[0]);
    assertFalse(mixer.mode(supervisor, CallMixer.Mode.LISTEN));
    frames(3);
    assertEquals(0, supervisorHears.frames.size());
    assertEquals(0, callerHears.withTone(SUPERVISOR_HZ));
  }

  @Test
  void aSecondSupervisorEndsTheFirst() {
    CallMixer.Supervisor second =
        new CallMixer.Supervisor(new RecordingSink(), supervisorMic, () -> {});
    mixer.supervise(supervisor, CallMixer.Mode.LISTEN);
    mixer.supervise(second, CallMixer.Mode.LISTEN);
    assertEquals(1, ended[0]);
    mixer.unsupervise(supervisor);
    assertEquals(CallMixer.Mode.LISTEN, mixer.mode(), "the first cannot take the second off");
    mixer.unsupervise(second);
    assertNull(mixer.mode());
  }

  /** {@code n} frame times: the caller's frame in, then the frame out to the caller. */
  private void frames(int n) {
    short[] pcm = new short[N];
    byte[] in = new byte[N];
    for (int i = 0; i < n; i++) {
      caller.next(pcm, 0, N);
      org.tawag.media.codec.G711.encode(U, pcm, 0, in, 0, N);
      mixer.write(U, in);
      byte[] out = new byte[N];
      if (mixer.read(U, out)) {
        callerHears.write(U, out);
      }
    }
  }

  private static final class RecordingSink implements AudioSink {
    final List<byte[]> frames = new ArrayList<>();

    @Override
    public void write(AudioCodec codec, byte[] frame) {
      frames.add(frame.clone());
    }

    long withTone(int hz) {
      return frames.stream().filter(f -> ToneDetector.hasToneInMix(U, f, 0, N, hz)).count();
    }

    void clear() {
      frames.clear();
    }
  }

  private static final class ToneSource implements AudioSource {
    final ToneGenerator tone;
    int reads;

    ToneSource(int hz) {
      tone = new ToneGenerator(hz, 0.3, 8000);
    }

    @Override
    public boolean read(AudioCodec codec, byte[] frame) {
      reads++;
      System.arraycopy(tone.nextEncoded(codec, N), 0, frame, 0, N);
      return true;
    }
  }
}
