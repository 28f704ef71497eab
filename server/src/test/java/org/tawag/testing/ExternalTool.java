package org.tawag.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external test peer (SIPp, Chromium, promtool). Absent, the test is skipped with the
 * install hint, except under {@code CI=true}, where an absent peer fails the test: CI installs
 * them, so a skip there would hide a broken install.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** The binary's path, or a skip (fail on CI) naming the Debian package that provides it. */
  public static Path require(String binary, String debianPackage) {
    Optional<Path> found = find(binary);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        binary
            + " is not installed; install it with: apt-get install -y "
            + debianPackage
            + " (CI installs it in .ci/run)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  static Optional<Path> find(String binary) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, binary);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
