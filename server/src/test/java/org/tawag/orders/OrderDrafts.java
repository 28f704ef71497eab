package org.tawag.orders;

/** Sample drafts for order tests. */
final class OrderDrafts {
  private OrderDrafts() {}

  /** A complete, valid draft for a new internet order by phone {@code phone}. */
  static OrderDraft.Builder full(String phone) {
    return OrderDraft.builder()
        .fullName("  Ada Lovelace ")
        .phone(phone)
        .address("Springfield", "Evergreen Terrace", "742", "3")
        .serviceType("internet")
        .requestedDate("2026-03-02")
        .visitDate("2026-03-03")
        .visitWindow("09:00-12:00")
        .materials("router, 20 m cable")
        .amount("1500.5")
        .notes("dog in the yard");
  }

  /** The least a valid draft needs: name, phone, service type. */
  static OrderDraft.Builder minimal(String phone) {
    return OrderDraft.builder().fullName("Grace Hopper").phone(phone).serviceType("repair");
  }
}
