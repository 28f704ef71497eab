package org.tawag.media.play;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

class WavFileTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatItWrote() throws IOException {
    short[] pcm = {0, 1000, -1000, 32767, -32768, 12345};
    Path file = dir.resolve("tone.wav");
    WavFile.write(file, pcm);
    assertEquals(44 + 12, Files.size(file));
    assertArrayEquals(pcm, WavFile.read(file));
  }

  @Test
  void readsMuLawAndALaw() throws IOException {
    byte[] ulaw = {(byte) 0xCE, (byte) 0x4E, (byte) 0xFF};
    Path u = write("u.wav", 7, 1, 8000, 8, ulaw, false);
    assertArrayEquals(
        new short[] {(short) G711.ulawToLinear(0xCE), (short) G711.ulawToLinear(0x4E), 0},
        WavFile.read(u));
    byte[] alaw = {(byte) 0xFA, (byte) 0xD5};
    Path a = write("a.wav", 6, 1, 8000, 8, alaw, false);
    assertArrayEquals(new short[] {(short) G711.alawToLinear(0xFA), 8}, WavFile.read(a));
  }

  @Test
  void skipsUnknownChunksIncludingOddSizedOnes() throws IOException {
    Path file =
        write("list.wav", 1, 1, 8000, 16, new byte[] {0x10, 0x00, (byte) 0xF0, (byte) 0xFF}, true);
    assertArrayEquals(new short[] {16, -16}, WavFile.read(file));
  }

  @Test
  void refusesCdQualityStereoNamingFileAndProblems() throws IOException {
    Path file = write("x.wav", 1, 2, 44100, 16, new byte[8], false);
    IOException e = assertThrows(IOException.class, () -> WavFile.read(file));
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("sample rate 44100 Hz, need 8000"), e.getMessage());
    assertTrue(e.getMessage().contains("2 channels, need mono"), e.getMessage());
  }

  @Test
  void refusesOtherFormatsAndDepths() throws IOException {
    Path adpcm = write("adpcm.wav", 17, 1, 8000, 4, new byte[8], false);
    IOException e = assertThrows(IOException.class, () -> WavFile.read(adpcm));
    assertTrue(e.getMessage().contains("format 17"), e.getMessage());
    Path eightBit = write("pcm8.wav", 1, 1, 8000, 8, new byte[8], false);
    e = assertThrows(IOException.class, () -> WavFile.read(eightBit));
    assertTrue(e.getMessage().contains("8 bits per sample, need 16"), e.getMessage());
  }

  @Test
  void refusesNonWave() throws IOException {
    Path file = dir.resolve("notes.wav");
    Files.writeString(file, "hello, this is not audio");
    IOException e = assertThrows(IOException.class, () -> WavFile.read(file));
    assertEquals(file + ": not a RIFF/WAVE file", e.getMessage());
  }

  @Test
  void libraryLoadsEveryWavByName() throws IOException {
    WavFile.write(dir.resolve("welcome.wav"), new short[400]);
    WavFile.write(dir.resolve("moh.wav"), new short[160]);
    Files.writeString(dir.resolve("README.txt"), "not a sound");
    SoundLibrary library = SoundLibrary.load(dir);
    assertEquals(3, library.get("welcome").frames());
    assertEquals(1, library.get("moh").frames());
    assertTrue(library.find("README").isEmpty());
    var e = assertThrows(IllegalArgumentException.class, () -> library.get("goodbye"));
    assertTrue(e.getMessage().contains("'goodbye'"), e.getMessage());
  }

  @Test
  void soundIsPaddedWithSilenceInBothCodecs() {
    short[] pcm = new short[161];
    java.util.Arrays.fill(pcm, (short) 1000);
    Sound sound = Sound.fromPcm("beep", pcm);
    assertEquals(2, sound.frames());
    byte[] frame = new byte[AudioCodec.FRAME_SAMPLES];
    sound.copyFrame(AudioCodec.PCMU, 1, frame);
    assertEquals((byte) 0xCE, frame[0]);
    assertEquals((byte) 0xFF, frame[1]);
    assertEquals((byte) 0xFF, frame[159]);
    sound.copyFrame(AudioCodec.PCMA, 1, frame);
    assertEquals((byte) 0xFA, frame[0]);
    assertEquals((byte) 0xD5, frame[159]);
    assertThrows(IllegalArgumentException.class, () -> sound.copyFrame(AudioCodec.PCMU, 2, frame));
  }

  private Path write(
      String name, int format, int channels, int rate, int bits, byte[] data, boolean extraChunk)
      throws IOException {
    int extra = extraChunk ? 8 + 3 + 1 : 0;
    ByteBuffer b = ByteBuffer.allocate(44 + extra + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + extra + data.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels);
    int block = channels * Math.max(1, bits / 8);
    b.putInt(rate).putInt(rate * block).putShort((short) block).putShort((short) bits);
    if (extraChunk) {
      b.put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0});
    }
    b.put("data".getBytes()).putInt(data.length).put(data);
    Path file = dir.resolve(name);
    Files.write(file, b.array());
    return file;
  }
}
