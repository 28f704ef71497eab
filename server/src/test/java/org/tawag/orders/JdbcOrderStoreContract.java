package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * What {@link JdbcOrderStore} must do on every supported database. Subclasses supply the database;
 * tests share it, so each uses its own phone numbers.
 */
abstract class JdbcOrderStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  JdbcWorkers workers;
  OrderStore store;

  /** The open, migrated database under test. */
  abstract Database database();

  @BeforeEach
  void startStore() {
    workers = new JdbcWorkers(2, 100);
    store =
        new JdbcOrderStore(database(), workers, OrderSettings.defaults(), new SteppingClock(T0));
  }

  @AfterEach
  void stopWorkers() {
    workers.close();
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  static <T extends Throwable> T failure(Class<T> type, CompletableFuture<?> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(type, e.getCause());
  }

  static Map<String, String> fieldErrors(CompletableFuture<?> f) {
    return failure(ValidationException.class, f).errors();
  }

  @Test
  void migrationCreatesTheOrderTables() throws SQLException {
    assertEquals(1, count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '3'"));
    for (String table :
        List.of("customers", "customer_addresses", "orders", "order_status_history")) {
      assertTrue(count("SELECT COUNT(*) FROM " + table) >= 0, table);
    }
  }

  @Test
  void newPhoneCreatesCustomerAndOrderWithHistory() throws Exception {
    Order o = await(store.saveOrder(OrderDrafts.full("+1 555 020 0001").build(), "alice"));

    assertTrue(o.id().matches("O-\\d{6}"), o.id());
    assertEquals("Ada Lovelace", o.customer().fullName());
    assertEquals("+15550200001", o.customer().phone());
    assertEquals(OrderStatus.NEW, o.status());
    assertEquals("internet", o.serviceType());
    assertEquals(new Address("Springfield", "Evergreen Terrace", "742", "3"), o.address());
    assertEquals(LocalDate.of(2026, 3, 2), o.requestedDate());
    assertEquals("09:00-12:00", o.visitWindow().toString());
    assertEquals(new BigDecimal("1500.50"), o.amount());
    assertEquals("router, 20 m cable", o.materials());
    assertEquals("alice", o.createdBy());
    assertEquals("alice", o.updatedBy());
    assertEquals(o.createdAt(), o.updatedAt());
    assertEquals(Optional.of(o), await(store.findOrder(o.id())));
    assertEquals(
        List.of(new StatusChange(o.id(), o.createdAt(), null, OrderStatus.NEW, "alice")),
        await(store.statusHistory(o.id())));
  }

  @Test
  void orderIdsAreDistinctAndFitTheCallsColumn() throws Exception {
    Order a = await(store.saveOrder(OrderDrafts.minimal("+15550200002").build(), "alice"));
    Order b = await(store.saveOrder(OrderDrafts.minimal("+15550200002").build(), "alice"));
    assertTrue(!a.id().equals(b.id()));
    execute(
        "INSERT INTO calls (id, direction, arrived_at, order_id) VALUES ('c-ids', 'in',"
            + " CURRENT_TIMESTAMP, '"
            + b.id()
            + "')");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM calls c JOIN orders o ON o.id = c.order_id WHERE c.id = 'c-ids'"));
  }

  @Test
  void knownPhoneReusesTheCustomerAndTakesTheNewName() throws Exception {
    Order first = await(store.saveOrder(OrderDrafts.minimal("+15550200003").build(), "alice"));
    Order second =
        await(
            store.saveOrder(
                OrderDrafts.minimal("001 555 020 0003").fullName("Grace B. Hopper").build(),
                "bob"));

    assertEquals(first.customer().id(), second.customer().id());
    assertEquals("Grace B. Hopper", second.customer().fullName());
    assertEquals(first.customer().createdAt(), second.customer().createdAt());
    assertEquals(
        List.of(second.id(), first.id()),
        await(store.ordersOfCustomer(first.customer().id())).stream().map(Order::id).toList());
    assertEquals(
        "Grace B. Hopper", await(store.findOrder(first.id())).orElseThrow().customer().fullName());
  }

  @Test
  void updateReplacesTheFieldsAndRecordsTheStatusChange() throws Exception {
    Order created = await(store.saveOrder(OrderDrafts.full("+15550200004").build(), "alice"));
    OrderDraft edit =
        OrderDrafts.full("+15550200004")
            .id(created.id())
            .status("scheduled")
            .address("Shelbyville", "Main St", "1", null)
            .visitWindow("13:00-15:30")
            .amount(null)
            .notes("")
            .build();
    Order updated = await(store.saveOrder(edit, "bob"));

    assertEquals(created.id(), updated.id());
    assertEquals(OrderStatus.SCHEDULED, updated.status());
    assertEquals(new Address("Shelbyville", "Main St", "1", null), updated.address());
    assertEquals("13:00-15:30", updated.visitWindow().toString());
    assertNull(updated.amount());
    assertNull(updated.notes());
    assertEquals("alice", updated.createdBy());
    assertEquals("bob", updated.updatedBy());
    assertEquals(created.createdAt(), updated.createdAt());
    assertTrue(updated.updatedAt().isAfter(created.updatedAt()));
    List<StatusChange> history = await(store.statusHistory(created.id()));
    assertEquals(2, history.size());
    assertEquals(
        new StatusChange(
            created.id(), updated.updatedAt(), OrderStatus.NEW, OrderStatus.SCHEDULED, "bob"),
        history.get(1));
    // Saving again without a status keeps it and adds no history.
    await(store.saveOrder(OrderDrafts.full("+15550200004").id(created.id()).build(), "carol"));
    assertEquals(
        OrderStatus.SCHEDULED, await(store.findOrder(created.id())).orElseThrow().status());
    assertEquals(2, await(store.statusHistory(created.id())).size());
  }

  @Test
  void updateToAStatusThatCannotFollowIsRefusedAndChangesNothing() throws Exception {
    Order created = await(store.saveOrder(OrderDrafts.minimal("+15550200005").build(), "alice"));
    OrderDraft edit =
        OrderDrafts.minimal("+15550200005").id(created.id()).status("done").notes("x").build();

    assertEquals(
        Map.of(
            "status",
            "cannot change from new to done; allowed: scheduled, in_progress," + " cancelled"),
        fieldErrors(store.saveOrder(edit, "bob")));
    assertEquals(Optional.of(created), await(store.findOrder(created.id())));
  }

  @Test
  void newOrderStartsWhereNewCanGo() throws Exception {
    assertEquals(
        Map.of("status", "a new order cannot start as done"),
        fieldErrors(
            store.saveOrder(OrderDrafts.minimal("+15550200016").status("done").build(), "alice")));
    Order started =
        await(
            store.saveOrder(
                OrderDrafts.minimal("+15550200016").status("in_progress").build(), "alice"));
    assertEquals(OrderStatus.IN_PROGRESS, started.status());
    assertEquals(
        List.of(
            new StatusChange(
                started.id(), started.createdAt(), null, OrderStatus.IN_PROGRESS, "alice")),
        await(store.statusHistory(started.id())));
  }

  @Test
  void scheduledOrderKeepsItsVisitDate() throws Exception {
    Order o =
        await(
            store.saveOrder(
                OrderDrafts.minimal("+15550200017")
                    .status("scheduled")
                    .visitDate("2026-03-05")
                    .build(),
                "alice"));
    assertEquals(
        Map.of("visitDate", "is required for a scheduled order"),
        fieldErrors(
            store.saveOrder(OrderDrafts.minimal("+15550200017").id(o.id()).build(), "bob")));
  }

  @Test
  void unknownOrderIdInTheDraftIsAFieldError() throws Exception {
    assertEquals(
        Map.of("id", "names no order"),
        fieldErrors(
            store.saveOrder(
                OrderDrafts.minimal("+15550200006").id("O-999999999").build(), "alice")));
    assertEquals(0, count("SELECT COUNT(*) FROM customers WHERE phone = '+15550200006'"));
  }

  @Test
  void closedOrderCannotBeEdited() throws Exception {
    Order o = await(store.saveOrder(OrderDrafts.minimal("+15550200007").build(), "alice"));
    await(store.changeStatus(o.id(), OrderStatus.CANCELLED, "alice"));
    assertEquals(
        Map.of("status", "the order is cancelled and can no longer change"),
        fieldErrors(
            store.saveOrder(
                OrderDrafts.minimal("+15550200007").id(o.id()).notes("again").build(), "bob")));
  }

  @Test
  void invalidDraftFailsWithEveryErrorAndWritesNothing() throws Exception {
    long before = count("SELECT COUNT(*) FROM orders");
    Map<String, String> errors =
        fieldErrors(
            store.saveOrder(
                OrderDraft.builder().phone("+15550200008").amount("-5").build(), "alice"));
    assertEquals(
        Map.of(
            "fullName", "is required",
            "serviceType", "is required",
            "amount", "must not be negative"),
        errors);
    assertEquals(before, count("SELECT COUNT(*) FROM orders"));
  }

  @Test
  void blankUsernameIsRefusedAtOnce() {
    OrderDraft draft = OrderDrafts.minimal("+15550200009").build();
    assertThrows(IllegalArgumentException.class, () -> store.saveOrder(draft, " "));
    assertThrows(
        IllegalArgumentException.class,
        () -> store.changeStatus("O-000001", OrderStatus.DONE, null));
  }

  @Test
  void statusMovesAlongTheLifecycleWithHistory() throws Exception {
    Order o =
        await(
            store.saveOrder(
                OrderDrafts.minimal("+15550200010").visitDate("2026-03-04").build(), "alice"));
    Order scheduled = await(store.changeStatus(o.id(), OrderStatus.SCHEDULED, "bob"));
    assertEquals(OrderStatus.SCHEDULED, scheduled.status());
    assertEquals("bob", scheduled.updatedBy());
    await(store.changeStatus(o.id(), OrderStatus.IN_PROGRESS, "tech-1"));
    // The same status again is no change and no history.
    await(store.changeStatus(o.id(), OrderStatus.IN_PROGRESS, "tech-1"));
    Order done = await(store.changeStatus(o.id(), OrderStatus.DONE, "tech-1"));

    assertEquals(OrderStatus.DONE, done.status());
    List<StatusChange> history = await(store.statusHistory(o.id()));
    assertEquals(
        List.of(
            "null->new by alice",
            "new->scheduled by bob",
            "scheduled->in_progress by tech-1",
            "in_progress->done by tech-1"),
        history.stream()
            .map(
                h ->
                    (h.from() == null ? "null" : h.from().code())
                        + "->"
                        + h.to().code()
                        + " by "
                        + h.byUser())
            .toList());
    assertEquals(
        Map.of("status", "cannot change from done to new"),
        fieldErrors(store.changeStatus(o.id(), OrderStatus.NEW, "bob")));
  }

  @Test
  void schedulingNeedsAVisitDate() throws Exception {
    Order o = await(store.saveOrder(OrderDrafts.minimal("+15550200011").build(), "alice"));
    assertEquals(
        Map.of("visitDate", "is required for a scheduled order"),
        fieldErrors(store.changeStatus(o.id(), OrderStatus.SCHEDULED, "bob")));
    assertEquals(OrderStatus.NEW, await(store.findOrder(o.id())).orElseThrow().status());
  }

  @Test
  void unknownOrders() throws Exception {
    assertEquals(Optional.empty(), await(store.findOrder("O-999999998")));
    assertEquals(List.of(), await(store.statusHistory("O-999999998")));
    assertEquals(List.of(), await(store.ordersOfCustomer(-1)));
    OrderNotFoundException e =
        failure(
            OrderNotFoundException.class,
            store.changeStatus("O-999999998", OrderStatus.DONE, "alice"));
    assertEquals("O-999999998", e.orderId());
  }

  @Test
  void addressesAreRememberedOnceAndSuggestedLatestFirst() throws Exception {
    String phone = "+15550200012";
    await(
        store.saveOrder(OrderDrafts.minimal(phone).address("A", "First", "1", null).build(), "u"));
    await(
        store.saveOrder(OrderDrafts.minimal(phone).address("B", "Second", "2", "5").build(), "u"));
    await(store.saveOrder(OrderDrafts.minimal(phone).address("A", "First", "1", "").build(), "u"));

    ScreenPop pop = await(store.screenPop(phone));
    assertEquals(
        List.of(new Address("A", "First", "1", null), new Address("B", "Second", "2", "5")),
        pop.addresses());
  }

  @Test
  void screenPopShowsTheCustomerTheirOpenOrdersAndLastCalls() throws Exception {
    String phone = "+15550200013";
    Order open = await(store.saveOrder(OrderDrafts.full(phone).build(), "alice"));
    Order closed =
        await(
            store.saveOrder(OrderDrafts.minimal(phone).fullName("Ada Lovelace").build(), "alice"));
    await(store.changeStatus(closed.id(), OrderStatus.CANCELLED, "alice"));
    // Six calls in the forms trunks send; the oldest falls off the list of five.
    String[] callers = {"+15550200013", "15550200013", "0015550200013", "05550200013"};
    for (int i = 0; i < 6; i++) {
      insertCall("pop-" + i, callers[i % callers.length], T0.plusSeconds(60L * i), i == 5);
    }
    insertCall("pop-other", "+15550200099", T0.plusSeconds(600), false);

    ScreenPop pop = await(store.screenPop("0555 020-0013"));
    assertEquals(phone, pop.phone());
    assertTrue(pop.known());
    assertEquals(open.customer(), pop.customer());
    assertEquals(List.of(open), pop.openOrders());
    assertEquals(
        List.of("pop-5", "pop-4", "pop-3", "pop-2", "pop-1"),
        pop.recentCalls().stream().map(CallSummary::id).toList());
    CallSummary last = pop.recentCalls().get(0);
    assertEquals(T0.plusSeconds(300), last.arrivedAt());
    assertEquals("sales", last.queue());
    assertEquals("agent-7", last.agent());
    assertEquals("completed_by_caller", last.outcome());
    assertEquals("refused:bad_time", last.disposition());
    assertEquals(List.of(open.address()), pop.addresses());
  }

  @Test
  void newCallerGetsTheirCallsButNoCustomer() throws Exception {
    insertCall("new-1", "+15550200014", T0, false);
    ScreenPop pop = await(store.screenPop("+15550200014"));
    assertEquals("+15550200014", pop.phone());
    assertNull(pop.customer());
    assertEquals(List.of(), pop.openOrders());
    assertEquals(List.of("new-1"), pop.recentCalls().stream().map(CallSummary::id).toList());
  }

  @Test
  void anonymousCallerGetsAnEmptyPop() throws Exception {
    insertCall("anon-1", "anonymous", T0, false);
    assertEquals(ScreenPop.empty(), await(store.screenPop("anonymous")));
    assertEquals(ScreenPop.empty(), await(store.screenPop(null)));
  }

  @Test
  void concurrentFirstOrdersOfOneNewPhoneMakeOneCustomer() throws Exception {
    String phone = "+15550200015";
    List<CompletableFuture<Order>> saves =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> store.saveOrder(OrderDrafts.minimal(phone).build(), "u" + i))
            .toList();
    for (CompletableFuture<Order> f : saves) {
      assertEquals(phone, await(f).customer().phone());
    }
    assertEquals(1, count("SELECT COUNT(*) FROM customers WHERE phone = '" + phone + "'"));
    assertEquals(
        8,
        count(
            "SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " WHERE c.phone = '"
                + phone
                + "'"));
  }

  void insertCall(String id, String caller, Instant at, boolean disposed) throws SQLException {
    try (Connection c = database().connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO calls (id, direction, caller, queue, agent, arrived_at, outcome,"
                    + " disposition) VALUES (?, 'in', ?, 'sales', 'agent-7', ?,"
                    + " 'completed_by_caller', ?)")) {
      s.setString(1, id);
      s.setString(2, caller);
      s.setObject(3, at.atOffset(ZoneOffset.UTC));
      s.setString(4, disposed ? "refused:bad_time" : null);
      s.executeUpdate();
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = database().connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c = database().connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
