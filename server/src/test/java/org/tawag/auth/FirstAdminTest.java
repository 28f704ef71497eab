package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.JdbcWorkers;

class FirstAdminTest {
  @TempDir static Path dir;
  static Database database;
  final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_COST);
  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  JdbcWorkers workers;
  UserStore store;

  @BeforeAll
  static void open() {
    database = Database.open(DatabaseSettings.h2File(dir));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM user_roles");
      s.execute("DELETE FROM users");
    }
    workers = new JdbcWorkers(1, 16);
    store = new JdbcUserStore(database, workers, hasher, "tawag", Clock.systemUTC());
  }

  @AfterEach
  void stopWorkers() {
    workers.close();
  }

  FirstAdmin firstAdmin(Map<String, String> env) {
    return new FirstAdmin(store, env, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  String printed() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutEnvironmentItPrintsAGeneratedPasswordOnceAndNeverLogsIt() throws Exception {
    String password;
    try (LogCapture logs = new LogCapture()) {
      assertEquals(
          FirstAdmin.Outcome.CREATED_WITH_GENERATED_PASSWORD,
          firstAdmin(Map.of()).ensure().get(10, TimeUnit.SECONDS));
      Matcher m = Pattern.compile("\\n {6}(\\S+)\\n").matcher(printed());
      assertTrue(m.find(), printed());
      password = m.group(1);
      assertEquals(FirstAdmin.GENERATED_LENGTH, password.length());
      assertTrue(printed().contains("=".repeat(72)));
      assertTrue(printed().contains("only this once"));
      assertTrue(logs.contains("created the first admin"));
      assertFalse(logs.contains(password));
    }
    Credentials admin = store.credentials("admin").get(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals(Set.of(Role.ADMIN), admin.user().roles());
    assertTrue(hasher.verify(password, admin.passwordHash()));

    console.reset();
    assertEquals(
        FirstAdmin.Outcome.ADMIN_EXISTS, firstAdmin(Map.of()).ensure().get(10, TimeUnit.SECONDS));
    assertEquals("", printed());
  }

  @Test
  void environmentPasswordIsUsedAndNotPrinted() throws Exception {
    Map<String, String> env = Map.of(FirstAdmin.PASSWORD_ENV, "from the environment");
    try (LogCapture logs = new LogCapture()) {
      assertEquals(
          FirstAdmin.Outcome.CREATED_FROM_ENVIRONMENT,
          firstAdmin(env).ensure().get(10, TimeUnit.SECONDS));
      assertFalse(logs.contains("from the environment"));
    }
    assertEquals("", printed());
    Credentials admin = store.credentials("admin").get(10, TimeUnit.SECONDS).orElseThrow();
    assertTrue(hasher.verify("from the environment", admin.passwordHash()));
    assertEquals(
        FirstAdmin.Outcome.ADMIN_EXISTS, firstAdmin(env).ensure().get(10, TimeUnit.SECONDS));
  }

  @Test
  void weakEnvironmentPasswordFailsNamingTheVariableNotTheValue() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                firstAdmin(Map.of(FirstAdmin.PASSWORD_ENV, "weak"))
                    .ensure()
                    .get(10, TimeUnit.SECONDS));
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(cause.getMessage().contains(FirstAdmin.PASSWORD_ENV));
    assertFalse(cause.getMessage().contains("weak"));
  }

  @Test
  void anyEnabledAdminCountsNotOnlyTheOneNamedAdmin() throws Exception {
    store
        .create(new NewUser("root", "", "root password", Set.of(Role.ADMIN)))
        .get(10, TimeUnit.SECONDS);
    assertEquals(
        FirstAdmin.Outcome.ADMIN_EXISTS, firstAdmin(Map.of()).ensure().get(10, TimeUnit.SECONDS));
    assertTrue(store.find("admin").get(10, TimeUnit.SECONDS).isEmpty());
  }

  @Test
  void aDisabledAdminNamedAdminIsLeftAloneWithAWarning() throws Exception {
    store
        .create(new NewUser("admin", "", "old password", Set.of(Role.ADMIN)))
        .get(10, TimeUnit.SECONDS);
    store.setEnabled("admin", false).get(10, TimeUnit.SECONDS);
    try (LogCapture logs = new LogCapture()) {
      assertEquals(
          FirstAdmin.Outcome.USERNAME_TAKEN,
          firstAdmin(Map.of()).ensure().get(10, TimeUnit.SECONDS));
      assertTrue(logs.contains("no enabled admin"));
    }
    assertEquals("", printed());
    assertFalse(store.find("admin").get(10, TimeUnit.SECONDS).orElseThrow().enabled());
  }
}
