package org.tawag.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * {@link UserStore} on the {@code users} and {@code user_roles} tables. JDBC and bcrypt hashing
 * both run on the {@link JdbcWorkers}, never on the caller's thread.
 */
public final class JdbcUserStore implements UserStore {
  private static final String COLUMNS =
      "id, username, display_name, enabled, sip_ha1 IS NOT NULL, created_at, password_changed_at,"
          + " password_hash";
  // SQLSTATE of a unique-constraint violation, the same in H2 and PostgreSQL.
  private static final String UNIQUE_VIOLATION = "23505";

  private final Database database;
  private final JdbcWorkers workers;
  private final PasswordHasher hasher;
  private final String sipRealm;
  private final Clock clock;

  /**
   * A store over {@code database}, hashing with {@code hasher}, making SIP digest secrets for
   * {@code sipRealm}, stamping times from {@code clock}.
   */
  public JdbcUserStore(
      Database database, JdbcWorkers workers, PasswordHasher hasher, String sipRealm, Clock clock) {
    if (sipRealm == null || sipRealm.isBlank()) {
      throw new IllegalArgumentException("sipRealm must not be blank");
    }
    this.database = database;
    this.workers = workers;
    this.hasher = hasher;
    this.sipRealm = sipRealm;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<User> create(NewUser user) {
    NewUser valid;
    try {
      valid = user.validated();
    } catch (ValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return workers.submit(() -> insert(valid));
  }

  private User insert(NewUser u) throws SQLException {
    String hash = hasher.hash(u.password());
    String ha1 = u.sipPassword() == null ? null : ha1(u.username(), u.sipPassword());
    Instant now = now();
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO users (username, display_name, password_hash, sip_ha1, enabled,"
                    + " created_at, password_changed_at) VALUES (?, ?, ?, ?, TRUE, ?, ?)",
                new String[] {"id"})) {
          s.setString(1, u.username());
          s.setString(2, u.displayName());
          s.setString(3, hash);
          s.setString(4, ha1);
          s.setObject(5, now.atOffset(ZoneOffset.UTC));
          s.setObject(6, now.atOffset(ZoneOffset.UTC));
          s.executeUpdate();
          try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
        }
        insertRoles(c, id, u.roles());
        c.commit();
        return new User(id, u.username(), u.displayName(), u.roles(), true, ha1 != null, now, now);
      } catch (SQLException e) {
        c.rollback();
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw new UsernameTakenException(u.username());
        }
        throw e;
      }
    }
  }

  @Override
  public CompletableFuture<Optional<User>> find(String username) {
    return credentials(username).thenApply(found -> found.map(Credentials::user));
  }

  @Override
  public CompletableFuture<Optional<Credentials>> credentials(String username) {
    String name = UserRules.normalizeUsername(username);
    if (UserRules.usernameProblem(name) != null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return workers.submit(() -> select(name));
  }

  private Optional<Credentials> select(String username) throws SQLException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
      s.setString(1, username);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        Set<Role> roles = rolesOf(c, id);
        return Optional.of(new Credentials(user(rs, roles), rs.getString(8)));
      }
    }
  }

  @Override
  public CompletableFuture<List<User>> list() {
    return workers.submit(this::selectAll);
  }

  private List<User> selectAll() throws SQLException {
    try (Connection c = database.connection()) {
      Map<Long, Set<Role>> roles = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT user_id, role FROM user_roles");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          roles
              .computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
              .add(Role.fromCode(rs.getString(2)));
        }
      }
      List<User> users = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY username");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          users.add(user(rs, roles.get(rs.getLong(1))));
        }
      }
      return users;
    }
  }

  @Override
  public CompletableFuture<Boolean> setPassword(String username, String password) {
    String problem = UserRules.passwordProblem(password);
    if (problem != null) {
      return CompletableFuture.failedFuture(ValidationException.of("password", problem));
    }
    return workers.submit(
        () -> {
          String hash = hasher.hash(password);
          return update(
              "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE username = ?",
              username,
              hash,
              now().atOffset(ZoneOffset.UTC));
        });
  }

  @Override
  public CompletableFuture<Boolean> setSipPassword(String username, String sipPassword) {
    String problem = sipPassword == null ? null : UserRules.passwordProblem(sipPassword);
    if (problem != null) {
      return CompletableFuture.failedFuture(ValidationException.of("sipPassword", problem));
    }
    String name = UserRules.normalizeUsername(username);
    return workers.submit(
        () ->
            update(
                "UPDATE users SET sip_ha1 = ? WHERE username = ?",
                name,
                sipPassword == null ? null : ha1(name, sipPassword)));
  }

  @Override
  public CompletableFuture<Boolean> setEnabled(String username, boolean enabled) {
    return workers.submit(
        () -> update("UPDATE users SET enabled = ? WHERE username = ?", username, enabled));
  }

  @Override
  public CompletableFuture<Boolean> setRoles(String username, Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      return CompletableFuture.failedFuture(
          ValidationException.of("roles", "must name at least one of operator, supervisor, admin"));
    }
    Set<Role> copy = EnumSet.copyOf(roles);
    String name = UserRules.normalizeUsername(username);
    return workers.submit(() -> replaceRoles(name, copy));
  }

  private boolean replaceRoles(String username, Set<Role> roles) throws SQLException {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        Long id = null;
        // FOR UPDATE: two concurrent role changes of one user apply one after the other.
        try (PreparedStatement s =
            c.prepareStatement("SELECT id FROM users WHERE username = ? FOR UPDATE")) {
          s.setString(1, username);
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              id = rs.getLong(1);
            }
          }
        }
        if (id == null) {
          c.rollback();
          return false;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM user_roles WHERE user_id = ?")) {
          s.setLong(1, id);
          s.executeUpdate();
        }
        insertRoles(c, id, roles);
        c.commit();
        return true;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  @Override
  public CompletableFuture<Optional<String>> sipHa1(String username) {
    String name = UserRules.normalizeUsername(username);
    if (UserRules.usernameProblem(name) != null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return workers.submit(
        () -> {
          try (Connection c = database.connection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT sip_ha1 FROM users WHERE username = ? AND enabled = TRUE")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  @Override
  public CompletableFuture<Boolean> hasEnabledAdmin() {
    return workers.submit(
        () -> {
          try (Connection c = database.connection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id"
                          + " WHERE r.role = 'admin' AND u.enabled = TRUE");
              ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
          }
        });
  }

  /** {@code MD5(username:realm:password)} in lower-case hex, RFC 2617's HA1. */
  String ha1(String username, String sipPassword) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] digest =
          md5.digest(
              (username + ":" + sipRealm + ":" + sipPassword).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private boolean update(String sql, String username, Object value) throws SQLException {
    try (Connection c = database.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, value);
      s.setString(2, UserRules.normalizeUsername(username));
      return s.executeUpdate() > 0;
    }
  }

  private boolean update(String sql, String username, Object first, Object second)
      throws SQLException {
    try (Connection c = database.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, first);
      s.setObject(2, second);
      s.setString(3, UserRules.normalizeUsername(username));
      return s.executeUpdate() > 0;
    }
  }

  private static void insertRoles(Connection c, long userId, Set<Role> roles) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")) {
      for (Role r : roles) {
        s.setLong(1, userId);
        s.setString(2, r.code());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static Set<Role> rolesOf(Connection c, long userId) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    try (PreparedStatement s =
        c.prepareStatement("SELECT role FROM user_roles WHERE user_id = ?")) {
      s.setLong(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          roles.add(Role.fromCode(rs.getString(1)));
        }
      }
    }
    return roles;
  }

  private static User user(ResultSet rs, Set<Role> roles) throws SQLException {
    return new User(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        roles,
        rs.getBoolean(4),
        rs.getBoolean(5),
        instant(rs, 6),
        instant(rs, 7));
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, OffsetDateTime.class).toInstant();
  }

  private Instant now() {
    // Both databases keep microseconds; truncating here makes what we return equal what we read.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
