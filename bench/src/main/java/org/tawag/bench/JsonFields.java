package org.tawag.bench;

/**
 * Reads one top-level string field out of a flat JSON object, enough for the agent protocol's
 * control messages ({@code type}, {@code callId}, {@code state}, {@code code}) without a JSON
 * library in the bench's JDK-only build. Escapes are not decoded: the fields read here are
 * identifiers without them.
 */
final class JsonFields {
  private JsonFields() {}

  /** The string value of {@code "name": "..."} in {@code json}, or null when absent. */
  static String string(String json, String name) {
    String key = "\"" + name + "\"";
    int from = 0;
    while (true) {
      int k = json.indexOf(key, from);
      if (k < 0) {
        return null;
      }
      int i = skipSpace(json, k + key.length());
      if (i < json.length() && json.charAt(i) == ':') {
        i = skipSpace(json, i + 1);
        if (i < json.length() && json.charAt(i) == '"') {
          int end = i + 1;
          while (end < json.length() && json.charAt(end) != '"') {
            end += json.charAt(end) == '\\' ? 2 : 1;
          }
          return json.substring(i + 1, Math.min(end, json.length()));
        }
        return null;
      }
      from = k + 1;
    }
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
