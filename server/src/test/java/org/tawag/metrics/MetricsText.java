package org.tawag.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A parsed Prometheus text exposition: series (name and labels, in any order) to value. */
final class MetricsText {
  private final String text;
  private final Map<String, Double> values = new HashMap<>();

  MetricsText(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      String name = series;
      TreeMap<String, String> labels = new TreeMap<>();
      int brace = series.indexOf('{');
      if (brace >= 0) {
        name = series.substring(0, brace);
        for (String pair : series.substring(brace + 1, series.length() - 1).split("\",")) {
          int eq = pair.indexOf('=');
          labels.put(pair.substring(0, eq), pair.substring(eq + 2).replaceAll("\"$", ""));
        }
      }
      values.put(key(name, labels), Double.parseDouble(line.substring(space + 1)));
    }
  }

  /** Scrapes {@code http://127.0.0.1:port/metrics}. */
  static MetricsText scrape(int port) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("/metrics answered " + r.statusCode());
    }
    return new MetricsText(r.body());
  }

  /** The value of {@code name} with exactly {@code labels} (key, value, ...), or 0 when absent. */
  double value(String name, String... labels) {
    TreeMap<String, String> l = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      l.put(labels[i], labels[i + 1]);
    }
    return values.getOrDefault(key(name, l), 0.0);
  }

  /** Whether a series or help line of {@code name} is present. */
  boolean has(String name) {
    return text.contains(name);
  }

  String text() {
    return text;
  }

  private static String key(String name, Map<String, String> labels) {
    return name + labels;
  }
}
