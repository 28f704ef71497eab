package org.tawag.acd;

/** Where a call goes when it waited too long, or when its queue has nobody logged in. */
public sealed interface Overflow {
  /** Moves the call into another queue; it keeps its arrival time, so its place is fair. */
  record ToQueue(String queue) implements Overflow {
    /** Checks the queue name. */
    public ToQueue {
      if (queue == null || queue.isBlank()) {
        throw new IllegalArgumentException("overflow queue must not be blank: " + queue);
      }
    }
  }

  /** Hands the call back to the dial plan, to this target (e.g. voicemail); it leaves the ACD. */
  record ToTarget(String dialPlanTarget) implements Overflow {
    /** Checks the target name. */
    public ToTarget {
      if (dialPlanTarget == null || dialPlanTarget.isBlank()) {
        throw new IllegalArgumentException(
            "overflow dialPlanTarget must not be blank: " + dialPlanTarget);
      }
    }
  }

  /** Hangs the call up; it leaves the ACD. */
  record HangUp() implements Overflow {}
}
