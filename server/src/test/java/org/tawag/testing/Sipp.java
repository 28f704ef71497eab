package org.tawag.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one SIPp scenario from the test resources and reports its exit code and error log.
 *
 * <p>SIPp's exit codes (sipp -h): 0 every call succeeded, 1 at least one failed, 97 internal exit,
 * 99 no call, negative for fatal errors. Each run is bounded by {@code -timeout} and by a hard
 * process limit, so a hung peer fails the test instead of hanging it.
 */
public final class Sipp {
  /** SIPp scenarios shipped for admins in sip-config/ (tests run from the server module). */
  static final Path ADMIN_SCENARIOS =
      Path.of("..", "sip-config", "sipp").toAbsolutePath().normalize();

  private final Path binary;
  private final Path workDir;

  private Sipp(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  /** SIPp writing its logs under {@code workDir}; skips (fails on CI) when SIPp is absent. */
  public static Sipp in(Path workDir) {
    return new Sipp(ExternalTool.require("sipp", "sip-tester"), workDir);
  }

  /** What a run left behind. */
  public record Result(int exitCode, String errors, String messages) {
    /** A readable summary for assertion messages. */
    public String describe() {
      return "sipp exit "
          + exitCode
          + "\n--- errors ---\n"
          + errors
          + "\n--- messages ---\n"
          + messages;
    }
  }

  /**
   * Runs {@code scenario} (a file under {@code /sipp/} in test resources) once against {@code
   * target} ("127.0.0.1:5060" for a UAC, null for a UAS).
   */
  public Result run(String scenario, String target, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path xml = workDir.resolve(scenario);
    try (var in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
      if (in != null) {
        Files.copy(in, xml, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } else if (Files.isRegularFile(ADMIN_SCENARIOS.resolve(scenario))) {
        // The scenarios README tells admins to run are tested as they ship.
        Files.copy(
            ADMIN_SCENARIOS.resolve(scenario),
            xml,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } else {
        throw new IllegalArgumentException(
            "no SIPp scenario " + scenario + " in test resources /sipp/ or " + ADMIN_SCENARIOS);
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    if (target != null) {
      cmd.add(target);
    }
    cmd.addAll(
        List.of("-sf", xml.toString(), "-m", "1", "-nostdin", "-timeout", timeoutSeconds + "s"));
    cmd.addAll(List.of("-timeout_error", "-trace_err", "-trace_msg"));
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("sipp-" + scenario + ".out").toFile())
            .start();
    if (!p.waitFor(timeoutSeconds + 15L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
      return new Result(
          -100, "SIPp did not exit within " + (timeoutSeconds + 15) + " s", read("_messages.log"));
    }
    return new Result(p.exitValue(), read("_errors.log"), read("_messages.log"));
  }

  private String read(String suffix) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(workDir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
        sb.append(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }
}
