package org.tawag.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the live heap of another JVM (Tawag's) with {@code jcmd <pid> GC.run} followed by {@code
 * GC.heap_info}: after a full collection, "used" is close to the live data, so the difference
 * between two readings divided by the calls up in between is the heap per call. The full GC pauses
 * Tawag (tens to hundreds of milliseconds), which the audio of a running call feels.
 */
final class HeapProbe {
  private static final Pattern USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private final long pid;

  HeapProbe(long pid) {
    this.pid = pid;
  }

  /** Heap used after a full GC, in KiB, or -1 when jcmd failed. */
  long liveKib() throws InterruptedException {
    try {
      run("GC.run");
      Matcher m = USED.matcher(run("GC.heap_info"));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private String run(String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + ": " + out);
    }
    return out;
  }
}
