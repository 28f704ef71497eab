package org.tawag.media.play;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tawag.media.AudioCodec;
import org.tawag.media.codec.G711;

/**
 * A RIFF/WAVE file of telephone audio: 8 kHz mono, as 16-bit linear PCM (format 1), A-law (6) or
 * µ-law (7).
 *
 * <p>Anything else is refused with a message naming the file and every property that is wrong, so
 * an admin fixes a bad prompt in one go.
 */
public final class WavFile {
  private static final int PCM = 1;
  private static final int ALAW = 6;
  private static final int ULAW = 7;
  private static final int EXTENSIBLE = 0xFFFE;
  private static final int SAMPLE_RATE = 8000;

  private WavFile() {}

  /** Reads {@code file} and returns its samples as 16-bit linear PCM. */
  public static short[] read(Path file) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (in.remaining() < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
      throw new IOException(file + ": not a RIFF/WAVE file");
    }
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    ByteBuffer data = null;
    int pos = 12;
    while (pos + 8 <= in.limit()) {
      int id = in.getInt(pos);
      long size = in.getInt(pos + 4) & 0xFFFFFFFFL;
      int body = pos + 8;
      long available = Math.min(size, in.limit() - body);
      if (id == 0x20746d66 && available >= 16) { // "fmt "
        format = in.getShort(body) & 0xFFFF;
        channels = in.getShort(body + 2) & 0xFFFF;
        rate = in.getInt(body + 4);
        bits = in.getShort(body + 14) & 0xFFFF;
        if (format == EXTENSIBLE && available >= 26) {
          format = in.getShort(body + 24) & 0xFFFF; // the sub-format GUID starts with the tag
        }
      } else if (id == 0x61746164) { // "data"; a truncated file keeps what is there
        data = in.slice(body, (int) available).order(ByteOrder.LITTLE_ENDIAN);
      }
      pos = (int) Math.min(in.limit(), body + size + (size & 1)); // chunks are word-aligned
    }
    if (format < 0) {
      throw new IOException(file + ": no fmt chunk");
    }
    check(file, format, channels, rate, bits);
    if (data == null) {
      throw new IOException(file + ": no data chunk");
    }
    return samples(format, data);
  }

  /** Writes {@code pcm} as an 8 kHz mono 16-bit PCM WAVE file. */
  public static void write(Path file, short[] pcm) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46464952).putInt(36 + 2 * pcm.length).putInt(0x45564157);
    out.putInt(0x20746d66).putInt(16).putShort((short) PCM).putShort((short) 1);
    out.putInt(SAMPLE_RATE).putInt(2 * SAMPLE_RATE).putShort((short) 2).putShort((short) 16);
    out.putInt(0x61746164).putInt(2 * pcm.length);
    for (short s : pcm) {
      out.putShort(s);
    }
    Files.write(file, out.array());
  }

  private static void check(Path file, int format, int channels, int rate, int bits)
      throws IOException {
    List<String> problems = new ArrayList<>();
    if (format != PCM && format != ALAW && format != ULAW) {
      problems.add("format " + format + ", need 1 (PCM), 6 (A-law) or 7 (µ-law)");
    }
    if (rate != SAMPLE_RATE) {
      problems.add("sample rate " + rate + " Hz, need " + SAMPLE_RATE);
    }
    if (channels != 1) {
      problems.add(channels + " channels, need mono");
    }
    int needBits = format == PCM ? 16 : 8;
    if (bits != needBits) {
      problems.add(bits + " bits per sample, need " + needBits);
    }
    if (!problems.isEmpty()) {
      throw new IOException(file + ": " + String.join("; ", problems));
    }
  }

  private static short[] samples(int format, ByteBuffer data) {
    if (format == PCM) {
      short[] pcm = new short[data.remaining() / 2];
      data.asShortBuffer().get(pcm);
      return pcm;
    }
    byte[] codes = new byte[data.remaining()];
    data.get(codes);
    short[] pcm = new short[codes.length];
    G711.decode(format == ULAW ? AudioCodec.PCMU : AudioCodec.PCMA, codes, 0, pcm, 0, pcm.length);
    return pcm;
  }
}
