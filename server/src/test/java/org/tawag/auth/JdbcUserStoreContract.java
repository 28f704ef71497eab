package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.testing.FakeClock;

/**
 * What {@link JdbcUserStore} must do on every supported database. Each test starts from empty user
 * tables. Subclasses supply the database.
 */
abstract class JdbcUserStoreContract {
  static final String PW = "correct horse";

  abstract Database database();

  final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T08:00:00.123456Z"));
  final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_COST);
  JdbcWorkers workers;
  JdbcUserStore store;

  @BeforeEach
  void emptyTables() throws SQLException {
    execute("DELETE FROM user_roles");
    execute("DELETE FROM users");
    workers = new JdbcWorkers(2, 64);
    store = new JdbcUserStore(database(), workers, hasher, "tawag", clock);
  }

  @AfterEach
  void stopWorkers() {
    workers.close();
  }

  @Test
  void createdUserReadsBackEqualWithAHashNotThePassword() throws Exception {
    User created =
        get(
            store.create(
                new NewUser("Alice", "Alice L.", PW, Set.of(Role.OPERATOR, Role.SUPERVISOR))));
    assertEquals("alice", created.username());
    assertEquals(Set.of(Role.OPERATOR, Role.SUPERVISOR), created.roles());
    assertTrue(created.enabled());
    assertFalse(created.hasSipPhone());
    assertEquals(clock.instant(), created.createdAt());

    assertEquals(Optional.of(created), get(store.find("ALICE")));
    Credentials c = get(store.credentials("alice")).orElseThrow();
    assertEquals(created, c.user());
    assertTrue(c.passwordHash().startsWith("$2a$04$"));
    assertTrue(hasher.verify(PW, c.passwordHash()));
    assertEquals(0, count("SELECT COUNT(*) FROM users WHERE password_hash LIKE '%horse%'"));
  }

  @Test
  void badFieldsFailWithTheirNames() {
    ValidationException e =
        failure(
            store.create(new NewUser("no spaces", null, "short", Set.of())),
            ValidationException.class);
    assertEquals(Set.of("username", "password", "roles"), e.errors().keySet());
  }

  @Test
  void takenUsernameFailsWhateverTheCase() throws Exception {
    get(store.create(new NewUser("bob", "Bob", PW, Set.of(Role.OPERATOR))));
    UsernameTakenException e =
        failure(
            store.create(new NewUser("BOB", "Other Bob", PW, Set.of(Role.ADMIN))),
            UsernameTakenException.class);
    assertEquals("bob", e.username());
    assertEquals(1, get(store.list()).size());
  }

  @Test
  void listIsByUsernameWithRoles() throws Exception {
    get(store.create(new NewUser("zoe", "", PW, Set.of(Role.ADMIN))));
    get(store.create(new NewUser("amy", "", PW, Set.of(Role.OPERATOR, Role.SUPERVISOR))));
    List<User> all = get(store.list());
    assertEquals(List.of("amy", "zoe"), all.stream().map(User::username).toList());
    assertEquals(Set.of(Role.OPERATOR, Role.SUPERVISOR), all.get(0).roles());
    assertEquals("zoe", all.get(1).displayName());
  }

  @Test
  void unknownUsersAreEmptyOrFalse() throws Exception {
    assertEquals(Optional.empty(), get(store.find("nobody")));
    assertEquals(Optional.empty(), get(store.find("not a name")));
    assertEquals(Optional.empty(), get(store.credentials(null)));
    assertFalse(get(store.setPassword("nobody", PW)));
    assertFalse(get(store.setEnabled("nobody", false)));
    assertFalse(get(store.setRoles("nobody", Set.of(Role.ADMIN))));
    assertFalse(get(store.setSipPassword("nobody", PW)));
    assertEquals(Optional.empty(), get(store.sipHa1("nobody")));
  }

  @Test
  void setPasswordReplacesTheHashAndStampsTheChange() throws Exception {
    get(store.create(new NewUser("carol", "", PW, Set.of(Role.OPERATOR))));
    clock.advance(Duration.ofDays(1));
    assertTrue(get(store.setPassword("Carol", "battery staple")));
    Credentials c = get(store.credentials("carol")).orElseThrow();
    assertTrue(hasher.verify("battery staple", c.passwordHash()));
    assertFalse(hasher.verify(PW, c.passwordHash()));
    assertEquals(clock.instant(), c.user().passwordChangedAt());
    assertEquals(
        "password",
        failure(store.setPassword("carol", "short"), ValidationException.class)
            .errors()
            .keySet()
            .iterator()
            .next());
  }

  @Test
  void setEnabledAndSetRolesChangeTheUser() throws Exception {
    get(store.create(new NewUser("dave", "", PW, Set.of(Role.OPERATOR))));
    assertTrue(get(store.setEnabled("dave", false)));
    assertFalse(get(store.find("dave")).orElseThrow().enabled());
    assertTrue(get(store.setRoles("dave", Set.of(Role.SUPERVISOR, Role.ADMIN))));
    assertEquals(
        Set.of(Role.SUPERVISOR, Role.ADMIN), get(store.find("dave")).orElseThrow().roles());
    failure(store.setRoles("dave", Set.of()), ValidationException.class);
  }

  @Test
  void sipHa1IsMd5OfUsernameRealmAndSipPasswordForEnabledPhoneUsers() throws Exception {
    get(store.create(new NewUser("eve", "", PW, Set.of(Role.OPERATOR), "phone-secret")));
    get(store.create(new NewUser("frank", "", PW, Set.of(Role.OPERATOR))));
    String expected = md5("eve:tawag:phone-secret");
    assertEquals(Optional.of(expected), get(store.sipHa1("eve")));
    assertTrue(get(store.find("eve")).orElseThrow().hasSipPhone());
    assertEquals(Optional.empty(), get(store.sipHa1("frank")));

    assertTrue(get(store.setEnabled("eve", false)));
    assertEquals(Optional.empty(), get(store.sipHa1("eve")));
    assertTrue(get(store.setEnabled("eve", true)));

    assertTrue(get(store.setSipPassword("frank", "frank-phone")));
    assertEquals(Optional.of(md5("frank:tawag:frank-phone")), get(store.sipHa1("frank")));
    assertTrue(get(store.setSipPassword("eve", null)));
    assertEquals(Optional.empty(), get(store.sipHa1("eve")));
  }

  @Test
  void hasEnabledAdminSeesOnlyEnabledAdmins() throws Exception {
    assertFalse(get(store.hasEnabledAdmin()));
    get(store.create(new NewUser("op", "", PW, Set.of(Role.OPERATOR, Role.SUPERVISOR))));
    assertFalse(get(store.hasEnabledAdmin()));
    get(store.create(new NewUser("root", "", PW, Set.of(Role.ADMIN))));
    assertTrue(get(store.hasEnabledAdmin()));
    get(store.setEnabled("root", false));
    assertFalse(get(store.hasEnabledAdmin()));
  }

  @Test
  void databaseRefusesUpperCaseUsernamesAndUnknownRoles() {
    assertThrows(
        SQLException.class,
        () ->
            execute(
                "INSERT INTO users (username, display_name, password_hash, created_at,"
                    + " password_changed_at) VALUES ('Upper', 'x', 'x', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)"));
    assertThrows(
        SQLException.class,
        () -> execute("INSERT INTO user_roles (user_id, role) VALUES (1, 'boss')"));
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  static <E extends Throwable> E failure(CompletableFuture<?> f, Class<E> type) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(type, e.getCause());
  }

  static String md5(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
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
