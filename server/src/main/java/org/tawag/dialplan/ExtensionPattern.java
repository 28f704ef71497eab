package org.tawag.dialplan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * A dial plan key: an exact number, or an Asterisk-style pattern starting with {@code _}.
 *
 * <p>In a pattern, {@code X} matches any digit 0-9, {@code Z} 1-9, {@code N} 2-9 (case-insensitive,
 * as in Asterisk), {@code [1-5]} or {@code [137]} or {@code [1-35-7]} one digit of a set, a
 * trailing {@code .} one or more characters of any kind, and every other character itself.
 *
 * <p>Precedence ({@link #MOST_SPECIFIC_FIRST}): exact numbers win over patterns; between patterns
 * the one whose first differing position accepts fewer characters wins (a literal beats {@code
 * [1-5]}, which beats {@code N}, {@code Z}, {@code X}, which all beat {@code .}). So {@code _61.}
 * beats {@code _6.} and {@code _6XX} beats {@code _X.}. Remaining ties go to the shorter pattern,
 * then to the pattern text in string order, so the choice never depends on file order.
 */
public final class ExtensionPattern {
  /** Orders exact numbers first, then patterns from most to least specific (see class doc). */
  public static final Comparator<ExtensionPattern> MOST_SPECIFIC_FIRST =
      ExtensionPattern::compareSpecificity;

  /** Accepts {@link #size()} characters: a digit set, a literal, or the trailing wildcard. */
  private record Element(BitSet digits, char literal, boolean rest) {
    int size() {
      return rest ? Integer.MAX_VALUE : digits != null ? digits.cardinality() : 1;
    }

    boolean accepts(char c) {
      if (digits != null) {
        return c >= '0' && c <= '9' && digits.get(c - '0');
      }
      return c == literal;
    }
  }

  private final String text;
  private final boolean exact;
  private final List<Element> elements;

  private ExtensionPattern(String text, boolean exact, List<Element> elements) {
    this.text = text;
    this.exact = exact;
    this.elements = elements;
  }

  /**
   * Parses a dial plan key.
   *
   * @throws IllegalArgumentException naming the text when it is empty, "_" alone, has an unclosed
   *     or empty {@code [...]}, or a {@code .} that is not last
   */
  public static ExtensionPattern parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty extension");
    }
    if (text.charAt(0) != '_') {
      return new ExtensionPattern(text, true, List.of());
    }
    List<Element> elements = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      switch (Character.toUpperCase(c)) {
        case 'X' -> elements.add(digits('0', '9'));
        case 'Z' -> elements.add(digits('1', '9'));
        case 'N' -> elements.add(digits('2', '9'));
        case '.' -> {
          if (i != text.length() - 1) {
            throw new IllegalArgumentException("'.' must be last in pattern '" + text + "'");
          }
          elements.add(new Element(null, '.', true));
        }
        case '[' -> {
          int close = text.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed '[' in pattern '" + text + "'");
          }
          elements.add(new Element(digitSet(text, text.substring(i + 1, close)), c, false));
          i = close;
        }
        default -> elements.add(new Element(null, c, false));
      }
      i++;
    }
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("empty pattern '" + text + "'");
    }
    return new ExtensionPattern(text, false, List.copyOf(elements));
  }

  private static Element digits(char from, char to) {
    BitSet set = new BitSet(10);
    set.set(from - '0', to - '0' + 1);
    return new Element(set, 'X', false);
  }

  private static BitSet digitSet(String text, String body) {
    BitSet set = new BitSet(10);
    for (int i = 0; i < body.length(); i++) {
      char from = body.charAt(i);
      char to = from;
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        to = body.charAt(i + 2);
        i += 2;
      }
      if (!isDigit(from) || !isDigit(to) || to < from) {
        throw new IllegalArgumentException(
            "bad set [" + body + "] in pattern '" + text + "'; expected digits and ranges");
      }
      set.set(from - '0', to - '0' + 1);
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("empty set [] in pattern '" + text + "'");
    }
    return set;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether {@code number} is this exact number or matches this pattern. */
  public boolean matches(String number) {
    if (exact) {
      return text.equals(number);
    }
    int n = 0;
    for (Element e : elements) {
      if (e.rest()) {
        return n < number.length();
      }
      if (n >= number.length() || !e.accepts(number.charAt(n))) {
        return false;
      }
      n++;
    }
    return n == number.length();
  }

  /** Whether this is an exact number rather than a {@code _} pattern. */
  public boolean isExact() {
    return exact;
  }

  /** The key as written in the dial plan. */
  public String text() {
    return text;
  }

  private int compareSpecificity(ExtensionPattern other) {
    if (exact != other.exact) {
      return exact ? -1 : 1;
    }
    int common = Math.min(elements.size(), other.elements.size());
    for (int i = 0; i < common; i++) {
      int c = Integer.compare(elements.get(i).size(), other.elements.get(i).size());
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(elements.size(), other.elements.size());
    return c != 0 ? c : text.compareTo(other.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtensionPattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
