package org.tawag.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A SIP message read from one UDP datagram (RFC 3261 §7): just enough parsing for a caller that
 * sends INVITE, ACK and BYE and answers BYE/OPTIONS from the other side.
 *
 * <p>Header names are matched case-insensitively, compact forms included (RFC 3261 §7.3.3).
 * {@link #parse} returns empty for anything that is not a SIP message.
 */
final class SipMessage {
  private final String startLine;
  private final List<String[]> headers;
  private final String body;

  private SipMessage(String startLine, List<String[]> headers, String body) {
    this.startLine = startLine;
    this.headers = headers;
    this.body = body;
  }

  static Optional<SipMessage> parse(byte[] data, int length) {
    String text = new String(data, 0, length, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return Optional.empty();
    }
    String[] lines = text.substring(0, end).split("\r\n");
    if (lines.length == 0 || lines[0].isEmpty()) {
      return Optional.empty();
    }
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
        String[] last = headers.get(headers.size() - 1);
        last[1] = last[1] + " " + line.trim(); // folded continuation line (RFC 3261 §7.3.1)
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      String name = longName(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
      headers.add(new String[] {name, line.substring(colon + 1).trim()});
    }
    return Optional.of(new SipMessage(lines[0], headers, text.substring(end + 4)));
  }

  private static String longName(String name) {
    switch (name) {
      case "i":
        return "call-id";
      case "f":
        return "from";
      case "t":
        return "to";
      case "v":
        return "via";
      case "m":
        return "contact";
      case "l":
        return "content-length";
      case "c":
        return "content-type";
      default:
        return name;
    }
  }

  boolean isResponse() {
    return startLine.startsWith("SIP/2.0 ");
  }

  /** The status code of a response, or -1. */
  int status() {
    if (!isResponse() || startLine.length() < 11) {
      return -1;
    }
    try {
      return Integer.parseInt(startLine.substring(8, 11));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The method of a request, or "" for a response. */
  String method() {
    if (isResponse()) {
      return "";
    }
    int sp = startLine.indexOf(' ');
    return sp < 0 ? "" : startLine.substring(0, sp);
  }

  /** The first value of a header (long name, lower case), or "". */
  String header(String name) {
    for (String[] h : headers) {
      if (h[0].equals(name)) {
        return h[1];
      }
    }
    return "";
  }

  /** Every value of a header, in order. */
  List<String> headers(String name) {
    List<String> out = new ArrayList<>();
    for (String[] h : headers) {
      if (h[0].equals(name)) {
        out.add(h[1]);
      }
    }
    return out;
  }

  /** The method named in CSeq, or "". */
  String cseqMethod() {
    String[] parts = header("cseq").trim().split("\\s+");
    return parts.length == 2 ? parts[1] : "";
  }

  String body() {
    return body;
  }

  /** The URI inside the angle brackets of a name-addr header value, or the value up to ';'. */
  static String uriOf(String value) {
    int lt = value.indexOf('<');
    int gt = value.indexOf('>');
    if (lt >= 0 && gt > lt) {
      return value.substring(lt + 1, gt);
    }
    int semi = value.indexOf(';');
    return semi < 0 ? value.trim() : value.substring(0, semi).trim();
  }

  /** The tag parameter of a From/To value (after the URI), or "". */
  static String tagOf(String value) {
    int gt = value.indexOf('>');
    String params = gt >= 0 ? value.substring(gt + 1) : value;
    for (String p : params.split(";")) {
      String t = p.trim();
      if (t.regionMatches(true, 0, "tag=", 0, 4)) {
        return t.substring(4);
      }
    }
    return "";
  }
}
