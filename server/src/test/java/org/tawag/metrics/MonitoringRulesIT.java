package org.tawag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tawag.testing.ExternalTool;

/**
 * The repository's {@code monitoring/} checked by the real {@code promtool}: the scrape config, the
 * rule files, and the rule unit tests (which cover every recording rule and every alert).
 */
class MonitoringRulesIT {
  static final Path MONITORING = Path.of("..", "monitoring").toAbsolutePath().normalize();

  @Test
  void scrapeConfigIsValid() throws Exception {
    promtool("check", "config", MONITORING.resolve("prometheus.yml").toString());
  }

  @Test
  void ruleFilesAreValid() throws Exception {
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    args.addAll(files(MONITORING.resolve("rules"), ".yml"));
    String out = promtool(args.toArray(String[]::new));
    assertTrue(out.contains("SUCCESS"), out);
  }

  @Test
  void ruleUnitTestsPass() throws Exception {
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    List<String> tests = files(MONITORING.resolve("rules").resolve("tests"), ".yml");
    assertEquals(2, tests.size(), "recording and alert tests: " + tests);
    args.addAll(tests);
    promtool(args.toArray(String[]::new));
  }

  @Test
  void everyAlertAndRecordingRuleHasATest() throws Exception {
    String tests =
        Files.readString(MONITORING.resolve("rules/tests/alerts-test.yml"))
            + Files.readString(MONITORING.resolve("rules/tests/recording-test.yml"));
    for (String file : List.of("tawag-alerts.yml", "tawag-recording.yml")) {
      for (String line : Files.readAllLines(MONITORING.resolve("rules").resolve(file))) {
        String t = line.strip();
        if (t.startsWith("- alert:") || t.startsWith("- record:")) {
          String name = t.substring(t.indexOf(':') + 1).strip();
          assertTrue(tests.contains(name), name + " has no promtool test");
        }
      }
    }
  }

  private static List<String> files(Path dir, String suffix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).map(Path::toString).sorted().toList();
    }
  }

  private static String promtool(String... args) throws Exception {
    Path promtool = ExternalTool.require("promtool", "prometheus");
    List<String> cmd = new ArrayList<>();
    cmd.add(promtool.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish: " + cmd);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    return out;
  }
}
