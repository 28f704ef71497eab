package org.tawag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tawag.media.AudioCodec;

class AgentFramesTest {
  @Test
  void headerIsVersionPayloadTypeSeqAndTimestampBigEndian() {
    byte[] payload = new byte[160];
    payload[0] = 0x55;
    byte[] out = new byte[AgentFrames.LENGTH];
    AgentFrames.encode(AudioCodec.PCMA, 0xBEEF, 0xDEADBEEFL, payload, out);

    assertEquals(168, out.length);
    assertEquals(1, out[0]);
    assertEquals(8, out[1]);
    assertEquals((byte) 0xBE, out[2]);
    assertEquals((byte) 0xEF, out[3]);
    assertEquals((byte) 0xDE, out[4]);
    assertEquals((byte) 0xEF, out[7]);
    assertEquals(0x55, out[8]);
    assertEquals(AudioCodec.PCMA, AgentFrames.codecOf(out));
    assertEquals(0xBEEF, AgentFrames.seq(out));
  }

  @Test
  void badFramesAreRecognised() {
    byte[] ok = new byte[AgentFrames.LENGTH];
    ok[0] = 1;
    assertEquals(AudioCodec.PCMU, AgentFrames.codecOf(ok));
    assertNull(AgentFrames.codecOf(new byte[100]), "short");
    byte[] version = ok.clone();
    version[0] = 2;
    assertNull(AgentFrames.codecOf(version), "unknown version");
    byte[] pt = ok.clone();
    pt[1] = 18;
    assertNull(AgentFrames.codecOf(pt), "G.729 is not a format-1 codec");
  }
}
