package org.tawag.queue.announce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a waiting caller's position, estimated wait and the queue's callback key into the names of
 * the sounds to play, in order: "You are number | twenty | one | in the queue. | Your estimated
 * wait is | about | three | minutes. | To leave a callback request, press | star."
 *
 * <p>The estimated wait comes from the ACD (the average wait of the queue's last 20 answered
 * calls). It is rounded up to whole minutes, so the caller is never promised less than the average:
 * under 60 s is "less than a minute", 60 s is "about one minute", 61 s "about two minutes". Without
 * an estimate (nobody answered yet) nothing is said about the wait.
 *
 * <p>Numbers are spoken from parts: {@code number-0} to {@code number-19}, then the tens {@code
 * number-20} ... {@code number-90} followed by the unit. Positions above {@value #MAX_SPOKEN} say
 * "one hundred or more"; waits above {@value #MAX_SPOKEN} minutes say "more than ninety-nine".
 *
 * <p>Pure and stateless; the sounds are in {@code sip-config/sounds/} (made by {@code
 * make-sounds.sh}).
 */
public final class AnnouncementScript {
  /** The largest number spoken as such. */
  public static final int MAX_SPOKEN = 99;

  /** "Thank you. We will call you back. Goodbye.", played after a callback request. */
  public static final String CALLBACK_THANKS = "callback-thanks";

  static final String YOU_ARE_NUMBER = "you-are-number";
  static final String IN_THE_QUEUE = "in-the-queue";
  static final String POSITION_100_OR_MORE = "position-100-or-more";
  static final String WAIT_IS = "estimated-wait-is";
  static final String LESS_THAN_A_MINUTE = "less-than-a-minute";
  static final String ABOUT = "about";
  static final String MORE_THAN = "more-than";
  static final String MINUTE = "minute";
  static final String MINUTES = "minutes";
  static final String CALLBACK_PRESS = "callback-press";
  static final String KEY_STAR = "key-star";
  static final String KEY_POUND = "key-pound";

  private static final Set<String> SOUNDS = allSounds();

  private AnnouncementScript() {}

  /**
   * The sounds of one announcement.
   *
   * @param position the caller's 1-based place among the queue's waiting calls
   * @param estimatedWait the queue's estimated wait; empty says nothing about the wait
   * @param callbackKey the key that leaves a callback request (0-9, * or #); empty for none
   * @throws IllegalArgumentException for a position below 1, a negative wait or another key
   */
  public static List<String> sounds(
      int position, Optional<Duration> estimatedWait, Optional<Character> callbackKey) {
    if (position < 1) {
      throw new IllegalArgumentException("position must be 1 or more but was " + position);
    }
    List<String> out = new ArrayList<>();
    if (position > MAX_SPOKEN) {
      out.add(POSITION_100_OR_MORE);
    } else {
      out.add(YOU_ARE_NUMBER);
      number(position, out);
      out.add(IN_THE_QUEUE);
    }
    estimatedWait.ifPresent(wait -> wait(wait, out));
    callbackKey.ifPresent(
        key -> {
          out.add(CALLBACK_PRESS);
          out.add(keySound(key));
        });
    return List.copyOf(out);
  }

  /** Every sound an announcement or a callback confirmation may use, sorted. */
  public static Set<String> soundNames() {
    return SOUNDS;
  }

  private static void wait(Duration wait, List<String> out) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("estimated wait must not be negative but was " + wait);
    }
    out.add(WAIT_IS);
    if (wait.compareTo(Duration.ofMinutes(1)) < 0) {
      out.add(LESS_THAN_A_MINUTE);
      return;
    }
    long minutes = wait.toMinutes() + (wait.equals(Duration.ofMinutes(wait.toMinutes())) ? 0 : 1);
    if (minutes > MAX_SPOKEN) {
      out.add(MORE_THAN);
      number(MAX_SPOKEN, out);
      out.add(MINUTES);
      return;
    }
    out.add(ABOUT);
    number((int) minutes, out);
    out.add(minutes == 1 ? MINUTE : MINUTES);
  }

  private static void number(int n, List<String> out) {
    if (n < 20) {
      out.add("number-" + n);
    } else {
      out.add("number-" + (n / 10 * 10));
      if (n % 10 != 0) {
        out.add("number-" + (n % 10));
      }
    }
  }

  private static String keySound(char key) {
    if (key == '*') {
      return KEY_STAR;
    }
    if (key == '#') {
      return KEY_POUND;
    }
    if (key >= '0' && key <= '9') {
      return "number-" + key;
    }
    throw new IllegalArgumentException("callback key must be 0-9, * or # but was '" + key + "'");
  }

  private static Set<String> allSounds() {
    Set<String> all =
        new TreeSet<>(
            List.of(
                YOU_ARE_NUMBER,
                IN_THE_QUEUE,
                POSITION_100_OR_MORE,
                WAIT_IS,
                LESS_THAN_A_MINUTE,
                ABOUT,
                MORE_THAN,
                MINUTE,
                MINUTES,
                CALLBACK_PRESS,
                KEY_STAR,
                KEY_POUND,
                CALLBACK_THANKS));
    for (int n = 0; n < 20; n++) {
      all.add("number-" + n);
    }
    for (int n = 20; n <= 90; n += 10) {
      all.add("number-" + n);
    }
    return Collections.unmodifiableSet(all);
  }
}
