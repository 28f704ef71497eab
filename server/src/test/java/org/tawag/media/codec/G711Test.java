package org.tawag.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tawag.media.AudioCodec;

class G711Test {

  /** The encode vectors of the tech notes §3.7, verified against CPython audioop. */
  @ParameterizedTest(name = "encode {0} -> u {1} / A {2}")
  @CsvSource({
    "0, 0xFF, 0xD5",
    "1000, 0xCE, 0xFA",
    "-1000, 0x4E, 0x7A",
    "32767, 0x80, 0xAA",
  })
  void encodesReferenceVectors(int pcm, String ulaw, String alaw) {
    assertEquals(hex(ulaw), G711.linearToUlaw(pcm) & 0xFF);
    assertEquals(hex(alaw), G711.linearToAlaw(pcm) & 0xFF);
  }

  @ParameterizedTest(name = "u-law decode {0} -> {1}")
  @CsvSource({"0x00, -32124", "0x80, 32124", "0xFF, 0", "0x7F, 0"})
  void decodesUlawReferenceVectors(String code, int pcm) {
    assertEquals(pcm, G711.ulawToLinear(hex(code)));
    assertEquals(pcm, G711.ulawToLinear((byte) hex(code)), "byte-valued code");
  }

  @ParameterizedTest(name = "A-law decode {0} -> {1}")
  @CsvSource({"0x00, -5504", "0x80, 5504", "0xD5, 8", "0x55, -8", "0x2A, -32256", "0xAA, 32256"})
  void decodesAlawReferenceVectors(String code, int pcm) {
    assertEquals(pcm, G711.alawToLinear(hex(code)));
    assertEquals(pcm, G711.alawToLinear((byte) hex(code)), "byte-valued code");
  }

  @Test
  void tablesMatchReferenceFunctionsForEverySample() {
    for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
      assertEquals(G711.referenceLinearToUlaw(s), G711.linearToUlaw(s), "u-law " + s);
      assertEquals(G711.referenceLinearToAlaw(s), G711.linearToAlaw(s), "A-law " + s);
    }
  }

  @Test
  void clipsOutOfRangeInput() {
    assertEquals(G711.linearToUlaw(32767), G711.linearToUlaw(100_000));
    assertEquals(G711.linearToUlaw(-32768), G711.linearToUlaw(-100_000));
    assertEquals(G711.linearToAlaw(32767), G711.linearToAlaw(100_000));
    assertEquals(G711.linearToAlaw(-32768), G711.linearToAlaw(-100_000));
  }

  @Test
  void ulawRoundTripsEveryCode() {
    for (int code = 0; code < 256; code++) {
      int decoded = G711.ulawToLinear(code);
      assertEquals(decoded, G711.ulawToLinear(G711.linearToUlaw(decoded)), "code " + code);
    }
  }

  @Test
  void alawRoundTripsEveryCode() {
    for (int code = 0; code < 256; code++) {
      int decoded = G711.alawToLinear(code);
      // A-law has no negative zero clash: every code maps back to itself exactly.
      assertEquals(code, G711.linearToAlaw(decoded) & 0xFF, "code " + code);
    }
  }

  @Test
  void ulawCodesOtherThanNegativeZeroMapBackToThemselves() {
    for (int code = 0; code < 256; code++) {
      // 0x7F is "negative zero" and decodes to 0, which encodes as 0xFF.
      int expected = code == 0x7F ? 0xFF : code;
      assertEquals(expected, G711.linearToUlaw(G711.ulawToLinear(code)) & 0xFF, "code " + code);
    }
  }

  @ParameterizedTest
  @EnumSource(AudioCodec.class)
  void encodesAndDecodesArrays(AudioCodec codec) {
    short[] pcm = {0, 1000, -1000, 32767, -32768, 12345};
    byte[] encoded = new byte[pcm.length + 2];
    G711.encode(codec, pcm, 0, encoded, 2, pcm.length);
    short[] decoded = new short[pcm.length + 1];
    G711.decode(codec, encoded, 2, decoded, 1, pcm.length);
    for (int i = 0; i < pcm.length; i++) {
      byte one = codec == AudioCodec.PCMU ? G711.linearToUlaw(pcm[i]) : G711.linearToAlaw(pcm[i]);
      assertEquals(one, encoded[i + 2], "encoded sample " + i);
      int back = codec == AudioCodec.PCMU ? G711.ulawToLinear(one) : G711.alawToLinear(one);
      assertEquals(back, decoded[i + 1], "decoded sample " + i);
    }
    assertEquals(0, encoded[0]);
    assertEquals(0, decoded[0]);
  }

  @Test
  void silenceOfEachCodecDecodesToNearZero() {
    assertEquals(0, G711.ulawToLinear(AudioCodec.PCMU.silence()));
    assertEquals(8, G711.alawToLinear(AudioCodec.PCMA.silence()));
  }

  @Test
  void rejectsRangesOutsideTheArrays() {
    short[] pcm = new short[10];
    byte[] out = new byte[10];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> G711.encode(AudioCodec.PCMU, pcm, 5, out, 0, 6));
    assertTrue(e.getMessage().contains("pcm"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> G711.decode(AudioCodec.PCMA, out, 0, pcm, -1, 2));
  }

  @ParameterizedTest
  @EnumSource(AudioCodec.class)
  void transcodeToSameCodecIsIdentity(AudioCodec codec) {
    for (int code = 0; code < 256; code++) {
      assertEquals((byte) code, G711.transcode(codec, codec, (byte) code));
    }
  }

  @Test
  void transcodeEqualsDecodeThenEncode() {
    for (int code = 0; code < 256; code++) {
      byte b = (byte) code;
      assertEquals(
          G711.linearToAlaw(G711.ulawToLinear(b)),
          G711.transcode(AudioCodec.PCMU, AudioCodec.PCMA, b),
          "u->A " + code);
      assertEquals(
          G711.linearToUlaw(G711.alawToLinear(b)),
          G711.transcode(AudioCodec.PCMA, AudioCodec.PCMU, b),
          "A->u " + code);
    }
  }

  @ParameterizedTest
  @EnumSource(AudioCodec.class)
  void transcodingThereAndBackStaysWithinOneStep(AudioCodec from) {
    AudioCodec to = from == AudioCodec.PCMU ? AudioCodec.PCMA : AudioCodec.PCMU;
    for (int code = 0; code < 256; code++) {
      int original = decode(from, (byte) code);
      byte there = G711.transcode(from, to, (byte) code);
      int back = decode(from, G711.transcode(to, from, there));
      // Both laws keep about 4 bits of mantissa: a step is 1/16..1/32 of the magnitude, and at
      // least 16 near zero (A-law's first two segments).
      int bound = Math.max(16, Math.abs(original) / 8);
      assertTrue(
          Math.abs(back - original) <= bound,
          from + " code " + code + ": " + original + " came back as " + back);
      assertTrue(
          Math.abs(decode(to, there) - original) <= bound,
          from + " code " + code + " as " + to + ": " + decode(to, there));
    }
  }

  private static int decode(AudioCodec codec, byte code) {
    return codec == AudioCodec.PCMU ? G711.ulawToLinear(code) : G711.alawToLinear(code);
  }

  private static int hex(String s) {
    return Integer.parseInt(s.substring(2), 16);
  }
}
