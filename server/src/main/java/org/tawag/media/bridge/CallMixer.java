package org.tawag.media.bridge;

import org.tawag.media.AudioCodec;
import org.tawag.media.AudioSink;
import org.tawag.media.AudioSource;
import org.tawag.media.codec.LinearMix;

/**
 * The audio of a connected call between the caller's leg, the agent and, optionally, one supervisor
 * who listens (hears caller and agent mixed), whispers (the agent also hears the supervisor; the
 * caller does not) or barges in (each of the three hears the other two).
 *
 * <p>It is the caller leg's sink and source. The leg calls {@link #write} with the caller's frame,
 * when one came out of its jitter buffer, then {@link #read} once per 20 ms frame time; the mixes
 * are made in {@code read}, so every party gets one frame per frame time from one clock. Without a
 * supervisor, or while the supervisor only listens, the caller's frame goes to the agent at once as
 * it would without the mixer.
 *
 * <p>Runs on the caller leg's event loop: every method, including the setters, must be called
 * there. Preallocated buffers, no allocation per frame.
 */
public final class CallMixer implements AudioSource, AudioSink {

  /** What the supervisor does on the call. */
  public enum Mode {
    /** Hears the caller and the agent; nobody hears the supervisor. */
    LISTEN,
    /** Hears both; the agent hears the supervisor, the caller does not. */
    WHISPER,
    /** A three-way call: each party hears the other two. */
    BARGE
  }

  /**
   * A supervisor's end of the call: {@code ears} gets the caller and the agent mixed, {@code mouth}
   * is read for the supervisor's voice while whispering or barging, {@code ended} runs (on the
   * loop) once when the supervision ends because the call or the agent's part of it ended, or
   * another supervisor took over.
   */
  public record Supervisor(AudioSink ears, AudioSource mouth, Runnable ended) {}

  private AudioSource fromAgent;
  private AudioSink toAgent;
  private Supervisor supervisor;
  private Mode mode = Mode.LISTEN;

  private final byte[] callerFrame = new byte[AudioCodec.FRAME_SAMPLES];
  private AudioCodec callerCodec;
  private boolean callerFresh;
  private final byte[] agentFrame = new byte[AudioCodec.FRAME_SAMPLES];
  private final byte[] supervisorFrame = new byte[AudioCodec.FRAME_SAMPLES];
  private final byte[] mixed = new byte[AudioCodec.FRAME_SAMPLES];
  private final int[] acc = new int[AudioCodec.FRAME_SAMPLES];

  /** Connects the agent: {@code from} is read for the caller, {@code to} gets what they hear. */
  public void connectAgent(AudioSource from, AudioSink to) {
    fromAgent = from;
    toAgent = to;
  }

  /** The agent's device left the call (or went away): nothing more to or from it. */
  public void disconnectAgent() {
    fromAgent = null;
    toAgent = null;
  }

  /** Puts {@code s} on the call in {@code m}; a supervisor already there is ended first. */
  public void supervise(Supervisor s, Mode m) {
    if (supervisor != null && supervisor != s) {
      end();
    }
    supervisor = s;
    mode = m;
    callerFresh = false;
  }

  /** Changes the mode of {@code s}; false when {@code s} is no longer on the call. */
  public boolean mode(Supervisor s, Mode m) {
    if (supervisor != s) {
      return false;
    }
    mode = m;
    return true;
  }

  /** Takes {@code s} off the call, if still on it, without calling its {@code ended}. */
  public void unsupervise(Supervisor s) {
    if (supervisor == s) {
      supervisor = null;
      mode = Mode.LISTEN;
    }
  }

  /** Ends the supervision, if any, calling its {@code ended}: the call or its agent part ended. */
  public void end() {
    Supervisor s = supervisor;
    supervisor = null;
    mode = Mode.LISTEN;
    if (s != null) {
      s.ended().run();
    }
  }

  /** The supervisor's current mode, or null when nobody supervises. */
  public Mode mode() {
    return supervisor == null ? null : mode;
  }

  /** The caller's frame. */
  @Override
  public void write(AudioCodec codec, byte[] frame) {
    if (supervisor != null) {
      if (callerFresh) {
        // read() did not run since the last frame: the leg is not sending (the caller holds, or a
        // digit is being sent). Nothing to mix with, so the held frame goes out alone.
        passOn(supervisor);
      }
      System.arraycopy(frame, 0, callerFrame, 0, AudioCodec.FRAME_SAMPLES);
      callerCodec = codec;
      callerFresh = true;
      if (mode != Mode.LISTEN) {
        return; // mixed with the supervisor's voice in read()
      }
    }
    if (toAgent != null) {
      toAgent.write(codec, frame);
    }
  }

  /** The frame for the caller; also sends the supervisor's and, when mixed, the agent's. */
  @Override
  public boolean read(AudioCodec codec, byte[] frame) {
    boolean agentSpoke = fromAgent != null && fromAgent.read(codec, agentFrame);
    Supervisor s = supervisor;
    if (s == null) {
      if (agentSpoke) {
        System.arraycopy(agentFrame, 0, frame, 0, AudioCodec.FRAME_SAMPLES);
      }
      return agentSpoke;
    }
    boolean callerSpoke = callerFresh;
    callerFresh = false;
    boolean supervisorSpoke = mode != Mode.LISTEN && s.mouth().read(codec, supervisorFrame);
    if (callerSpoke || agentSpoke) {
      LinearMix.clear(acc);
      addIf(callerSpoke, callerCodec, callerFrame);
      addIf(agentSpoke, codec, agentFrame);
      LinearMix.encode(acc, codec, mixed);
      s.ears().write(codec, mixed);
    }
    if (mode != Mode.LISTEN && toAgent != null && (callerSpoke || supervisorSpoke)) {
      LinearMix.clear(acc);
      addIf(callerSpoke, callerCodec, callerFrame);
      addIf(supervisorSpoke, codec, supervisorFrame);
      LinearMix.encode(acc, codec, mixed);
      toAgent.write(codec, mixed);
    }
    if (mode == Mode.BARGE && supervisorSpoke) {
      LinearMix.clear(acc);
      addIf(agentSpoke, codec, agentFrame);
      LinearMix.add(acc, codec, supervisorFrame);
      LinearMix.encode(acc, codec, frame);
      return true;
    }
    if (agentSpoke) {
      System.arraycopy(agentFrame, 0, frame, 0, AudioCodec.FRAME_SAMPLES);
    }
    return agentSpoke;
  }

  private void passOn(Supervisor s) {
    s.ears().write(callerCodec, callerFrame);
    if (mode != Mode.LISTEN && toAgent != null) {
      toAgent.write(callerCodec, callerFrame);
    }
  }

  private void addIf(boolean spoke, AudioCodec codec, byte[] frame) {
    if (spoke) {
      LinearMix.add(acc, codec, frame);
    }
  }
}
