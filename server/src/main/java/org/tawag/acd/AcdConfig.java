package org.tawag.acd;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ACD's queues and who is a member of which; checked for dangling names and duplicates. */
public record AcdConfig(List<QueueSpec> queues, List<Member> members) {
  /** Copies the lists and checks that every name refers to a known queue. */
  public AcdConfig {
    if (queues == null || members == null) {
      throw new IllegalArgumentException("queues and members must not be null");
    }
    queues = List.copyOf(queues);
    members = List.copyOf(members);
    Set<String> names = new HashSet<>();
    for (QueueSpec q : queues) {
      if (!names.add(q.name())) {
        throw new IllegalArgumentException("duplicate queue name: " + q.name());
      }
    }
    for (QueueSpec q : queues) {
      if (q.overflow() instanceof Overflow.ToQueue to) {
        if (!names.contains(to.queue())) {
          throw new IllegalArgumentException(
              "queue " + q.name() + " overflows to unknown queue: " + to.queue());
        }
        if (to.queue().equals(q.name())) {
          throw new IllegalArgumentException("queue " + q.name() + " overflows to itself");
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (Member m : members) {
      if (!names.contains(m.queue())) {
        throw new IllegalArgumentException(
            "member " + m.agentId() + " refers to unknown queue: " + m.queue());
      }
      if (!seen.add(m.agentId() + "\u0000" + m.queue())) {
        throw new IllegalArgumentException(
            "member " + m.agentId() + " listed twice in queue: " + m.queue());
      }
    }
  }
}
