package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * What {@link JdbcCustomerStore} and the API's order listing must do on every supported database.
 * Tests share the database, so each uses its own phone numbers and names.
 */
abstract class JdbcCustomerStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  static final OrderSettings SETTINGS =
      new OrderSettings(
          List.of(
              OrderType.plain("tv"),
              new OrderType(
                  "loan",
                  "Loan",
                  List.of(new OrderField("term", OrderField.Kind.INT, true, List.of())))),
          List.of("too_expensive"),
          "1");

  JdbcWorkers workers;
  CustomerStore customers;
  OrderStore orders;

  abstract Database database();

  @BeforeEach
  void start() {
    workers = new JdbcWorkers(2, 100);
    customers = new JdbcCustomerStore(database(), workers, SETTINGS, new SteppingClock(T0));
    orders = new JdbcOrderStore(database(), workers, SETTINGS, new SteppingClock(T0));
  }

  @AfterEach
  void stop() {
    workers.close();
  }

  @Test
  void searchByNameOrPhoneWithPages() throws Exception {
    for (int i = 0; i < 3; i++) {
      JdbcOrderStoreContract.await(
          customers.create(new CustomerDraft("Searchable 100% Smith " + i, "+1555090000" + i)));
    }
    Page<Customer> page =
        JdbcOrderStoreContract.await(customers.search("searchable 100% smith", 2, 1));
    assertEquals(3, page.total());
    assertEquals(
        List.of("Searchable 100% Smith 1", "Searchable 100% Smith 2"),
        page.items().stream().map(Customer::fullName).toList());
    assertEquals(1, JdbcOrderStoreContract.await(customers.search("555-090-0002", 10, 0)).total());
    // A LIKE wildcard in the query is text, not a pattern.
    assertEquals(
        0, JdbcOrderStoreContract.await(customers.search("Searchable _00", 10, 0)).total());
  }

  @Test
  void upsertAllCreatesUpdatesAndLeavesEqualRows() throws Exception {
    JdbcOrderStoreContract.await(customers.create(new CustomerDraft("Before", "+15550910001")));
    List<CustomerStore.Upsert> out =
        JdbcOrderStoreContract.await(
            customers.upsertAll(
                List.of(
                    new CustomerDraft.Valid("After", "+15550910001"),
                    new CustomerDraft.Valid("Fresh", "+15550910002"),
                    new CustomerDraft.Valid("Fresh", "+15550910002"))));
    assertEquals(
        List.of(
            CustomerStore.Upsert.UPDATED,
            CustomerStore.Upsert.CREATED,
            CustomerStore.Upsert.UNCHANGED),
        out);
  }

  @Test
  void updateRefusesAPhoneOfAnotherCustomer() throws Exception {
    Customer a =
        JdbcOrderStoreContract.await(customers.create(new CustomerDraft("A", "+15550920001")));
    Customer b =
        JdbcOrderStoreContract.await(customers.create(new CustomerDraft("B", "+15550920002")));
    PhoneTakenException e =
        JdbcOrderStoreContract.failure(
            PhoneTakenException.class,
            customers.update(b.id(), new CustomerDraft("B", "+15550920001")));
    assertEquals(a.id(), e.customerId());
    assertEquals(
        "+15550920003",
        JdbcOrderStoreContract.await(
                customers.update(b.id(), new CustomerDraft("B", "0015550920003")))
            .orElseThrow()
            .phone());
    assertTrue(
        JdbcOrderStoreContract.await(
                customers.update(999_999, new CustomerDraft("X", "+15550920009")))
            .isEmpty());
  }

  @Test
  void historyHasCallsRefusalsAndOrdersAndTypeFieldsRoundTrip() throws Exception {
    Order o =
        JdbcOrderStoreContract.await(
            orders.saveOrder(
                OrderDraft.builder()
                    .fullName("History Person")
                    .phone("+15550930001")
                    .serviceType("loan")
                    .fields(Map.of("term", "024"))
                    .build(),
                "sue"));
    assertEquals(Map.of("term", "24"), o.fields());
    try (Connection c = database().connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO calls (id, direction, caller, arrived_at, disposition)"
                    + " VALUES (?, 'in', ?, ?, ?)")) {
      s.setString(1, "hist-call-1");
      s.setString(2, "15550930001");
      s.setObject(3, T0.atOffset(ZoneOffset.UTC));
      s.setString(4, "refused:too_expensive");
      s.executeUpdate();
    }
    CustomerHistory h =
        JdbcOrderStoreContract.await(customers.history(o.customer().id())).orElseThrow();
    assertEquals(List.of(o.id()), h.orders().stream().map(Order::id).toList());
    assertEquals("hist-call-1", h.refusals().get(0).id());
    assertEquals(Map.of("term", "24"), h.orders().get(0).fields());
  }

  @Test
  void ordersListByFilterAndPage() throws Exception {
    for (int i = 0; i < 3; i++) {
      JdbcOrderStoreContract.await(
          orders.saveOrder(
              OrderDraft.builder()
                  .fullName("Lister")
                  .phone("+15550940001")
                  .serviceType("tv")
                  .build(),
              "sue"));
    }
    long customer =
        JdbcOrderStoreContract.await(customers.search("+15550940001", 1, 0)).items().get(0).id();
    Page<Order> page =
        JdbcOrderStoreContract.await(
            orders.listOrders(
                new OrderFilter(OrderStatus.NEW, "tv", customer, T0.minusSeconds(1), null), 2, 0));
    assertEquals(3, page.total());
    assertEquals(2, page.items().size());
    assertEquals(
        0,
        JdbcOrderStoreContract.await(
                orders.listOrders(new OrderFilter(null, null, customer, null, T0), 10, 0))
            .total());
  }
}
