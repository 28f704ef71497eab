package org.tawag.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.Database;
import org.tawag.db.DatabaseSettings;
import org.tawag.db.JdbcWorkers;

class UserCommandTest {
  @TempDir static Path dir;
  static Database database;
  static final AuthSettings SETTINGS =
      AuthSettings.defaults().withBcryptCost(PasswordHasher.MIN_COST);
  final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_COST);
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
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
    store = new JdbcUserStore(database, workers, hasher, SETTINGS.sipRealm(), Clock.systemUTC());
  }

  @AfterEach
  void stopWorkers() {
    workers.close();
  }

  int run(String stdin, Map<String, String> env, String... args) {
    out.reset();
    return UserCommand.run(
        args,
        database,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        env,
        SETTINGS);
  }

  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  Credentials credentials(String username) throws Exception {
    return store.credentials(username).get(10, TimeUnit.SECONDS).orElseThrow();
  }

  @Test
  void addReadsThePasswordFromStandardInput() throws Exception {
    int code =
        run(
            "stdin password\n",
            Map.of(),
            "user",
            "add",
            "Alice",
            "--role",
            "operator,supervisor",
            "--name",
            "Alice L.");
    assertEquals(UserCommand.OK, code, output());
    assertTrue(output().contains("created alice operator,supervisor"), output());
    assertFalse(output().contains("stdin password"));
    Credentials c = credentials("alice");
    assertEquals("Alice L.", c.user().displayName());
    assertEquals(Set.of(Role.OPERATOR, Role.SUPERVISOR), c.user().roles());
    assertTrue(hasher.verify("stdin password", c.passwordHash()));
  }

  @Test
  void addPrefersTheEnvironmentAndTakesASipPhonePassword() throws Exception {
    Map<String, String> env =
        Map.of(
            UserCommand.PASSWORD_ENV, "env password",
            UserCommand.SIP_PASSWORD_ENV, "env phone password");
    assertEquals(
        UserCommand.OK, run("", env, "add", "bob", "--role", "operator", "--sip-phone"), output());
    assertTrue(hasher.verify("env password", credentials("bob").passwordHash()));
    assertTrue(credentials("bob").user().hasSipPhone());
    assertTrue(store.sipHa1("bob").get(10, TimeUnit.SECONDS).isPresent());
  }

  @Test
  void listShowsUsersWithoutSecrets() throws Exception {
    run("first password\n", Map.of(), "add", "zed", "--role", "admin");
    run("second password\n", Map.of(), "add", "amy", "--role", "operator");
    assertEquals(UserCommand.OK, run("", Map.of(), "user", "list"));
    String listed = output();
    assertTrue(listed.indexOf("amy") < listed.indexOf("zed"), listed);
    assertTrue(listed.contains("admin"));
    assertFalse(listed.contains("$2a$"));
    assertFalse(listed.contains("password"));
  }

  @Test
  void refusalsNameTheProblem() {
    assertEquals(
        UserCommand.REFUSED, run("short\n", Map.of(), "add", "carl", "--role", "operator"));
    assertTrue(output().contains("error: password must be at least 8"), output());
    assertFalse(output().contains("short\n"));

    assertEquals(UserCommand.REFUSED, run("", Map.of(), "add", "carl", "--role", "operator"));
    assertTrue(output().contains("error: password is required"), output());

    run("good password\n", Map.of(), "add", "carl", "--role", "operator");
    assertEquals(
        UserCommand.REFUSED, run("good password\n", Map.of(), "add", "CARL", "--role", "admin"));
    assertTrue(output().contains("taken"), output());

    assertEquals(UserCommand.REFUSED, run("", Map.of(), "disable", "nobody"));
    assertTrue(output().contains("no user nobody"), output());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(UserCommand.USAGE, run("", Map.of()));
    assertEquals(UserCommand.USAGE, run("", Map.of(), "add", "dora"));
    assertEquals(UserCommand.USAGE, run("", Map.of(), "add", "dora", "--role", "boss"));
    assertTrue(output().contains("boss"), output());
    assertEquals(UserCommand.USAGE, run("", Map.of(), "frobnicate"));
    assertTrue(output().contains("usage: tawag user add"), output());
  }

  @Test
  void passwdRolesEnableAndDisableChangeTheUser() throws Exception {
    run("first password\n", Map.of(), "add", "erin", "--role", "operator");
    assertEquals(UserCommand.OK, run("second password\n", Map.of(), "passwd", "erin"), output());
    assertTrue(hasher.verify("second password", credentials("erin").passwordHash()));
    assertEquals(UserCommand.OK, run("", Map.of(), "roles", "erin", "admin,supervisor"));
    assertEquals(Set.of(Role.ADMIN, Role.SUPERVISOR), credentials("erin").user().roles());
    assertEquals(UserCommand.OK, run("", Map.of(), "disable", "erin"));
    assertFalse(credentials("erin").user().enabled());
    assertEquals(UserCommand.OK, run("", Map.of(), "enable", "erin"));
    assertTrue(credentials("erin").user().enabled());
  }
}
