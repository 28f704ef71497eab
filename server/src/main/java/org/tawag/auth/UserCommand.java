package org.tawag.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;

/**
 * The {@code tawag user ...} command, for the first steps and for repairs without the web UI:
 *
 * <pre>
 * tawag user add &lt;username&gt; --role operator[,supervisor,admin] [--name "Display Name"] [--sip-phone]
 * tawag user list
 * tawag user passwd &lt;username&gt;
 * tawag user roles &lt;username&gt; operator[,supervisor,admin]
 * tawag user enable|disable &lt;username&gt;
 * </pre>
 *
 * Passwords never come from the command line (it shows in {@code ps} and shell history): the web
 * password from {@value #PASSWORD_ENV} or the first line of standard input, the SIP phone password
 * ({@code --sip-phone}) from {@value #SIP_PASSWORD_ENV} or the next line.
 */
public final class UserCommand {
  /** The environment variable with the new user's web password. */
  public static final String PASSWORD_ENV = "TAWAG_NEW_USER_PASSWORD";

  /** The environment variable with the new user's SIP phone password. */
  public static final String SIP_PASSWORD_ENV = "TAWAG_NEW_USER_SIP_PASSWORD";

  /** Exit code: done. */
  public static final int OK = 0;

  /** Exit code: refused (bad field, taken username, unknown user) or failed. */
  public static final int REFUSED = 1;

  /** Exit code: the arguments make no command. */
  public static final int USAGE = 2;

  private static final String HELP =
      "usage: tawag user add <username> --role operator[,supervisor,admin] [--name \"Name\"]"
          + " [--sip-phone]\n"
          + "       tawag user list | passwd <username> | roles <username> <roles>"
          + " | enable <username> | disable <username>\n"
          + "passwords: $"
          + PASSWORD_ENV
          + " (and $"
          + SIP_PASSWORD_ENV
          + ") or one line each on standard input";

  private final UserStore users;
  private final PrintStream out;
  private final BufferedReader in;
  private final Map<String, String> env;

  private UserCommand(UserStore users, PrintStream out, InputStream in, Map<String, String> env) {
    this.users = users;
    this.out = out;
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.env = env;
  }

  /**
   * Runs the command {@code args} (with or without a leading {@code "user"}) on {@code db}, reading
   * passwords from the environment or standard input and writing to {@code out}.
   *
   * @return the exit code: {@link #OK}, {@link #REFUSED} or {@link #USAGE}
   */
  public static int run(String[] args, Database db, PrintStream out) {
    return run(args, db, out, System.in, System.getenv(), AuthSettings.defaults());
  }

  /**
   * {@link #run(String[], Database, PrintStream)} with the input, environment and settings given.
   */
  public static int run(
      String[] args,
      Database db,
      PrintStream out,
      InputStream in,
      Map<String, String> env,
      AuthSettings settings) {
    try (JdbcWorkers workers = new JdbcWorkers(1, 16)) {
      UserStore store =
          new JdbcUserStore(
              db,
              workers,
              new PasswordHasher(settings.bcryptCost()),
              settings.sipRealm(),
              Clock.systemUTC());
      return new UserCommand(store, out, in, env).dispatch(args);
    }
  }

  private int dispatch(String[] args) {
    List<String> a = new ArrayList<>(Arrays.asList(args));
    if (!a.isEmpty() && a.get(0).equals("user")) {
      a.remove(0);
    }
    if (a.isEmpty()) {
      return usage("no subcommand");
    }
    String sub = a.remove(0);
    try {
      return switch (sub) {
        case "add" -> add(a);
        case "list" -> a.isEmpty() ? list() : usage("list takes no arguments");
        case "passwd" -> a.size() == 1 ? passwd(a.get(0)) : usage("passwd takes a username");
        case "roles" ->
            a.size() == 2
                ? changed(a.get(0), users.setRoles(a.get(0), Role.parseList(a.get(1))))
                : usage("roles takes a username and a role list");
        case "enable", "disable" ->
            a.size() == 1
                ? changed(a.get(0), users.setEnabled(a.get(0), sub.equals("enable")))
                : usage(sub + " takes a username");
        default -> usage("unknown subcommand " + sub);
      };
    } catch (ValidationException e) {
      e.errors().forEach((field, message) -> out.println("error: " + field + " " + message));
      return REFUSED;
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
  }

  private int add(List<String> a) {
    String username = null;
    String name = null;
    Set<Role> roles = null;
    boolean sipPhone = false;
    for (int i = 0; i < a.size(); i++) {
      String arg = a.get(i);
      switch (arg) {
        case "--role", "--roles" -> roles = Role.parseList(value(a, ++i, arg));
        case "--name" -> name = value(a, ++i, arg);
        case "--sip-phone" -> sipPhone = true;
        default -> {
          if (arg.startsWith("--") || username != null) {
            return usage("unexpected " + arg);
          }
          username = arg;
        }
      }
    }
    if (username == null || roles == null) {
      return usage("add needs a username and --role");
    }
    String password = secret(PASSWORD_ENV, "password");
    String sipPassword = sipPhone ? secret(SIP_PASSWORD_ENV, "SIP phone password") : null;
    User user = await(users.create(new NewUser(username, name, password, roles, sipPassword)));
    if (user == null) {
      return REFUSED;
    }
    out.println("created " + user.username() + " " + codes(user.roles()));
    return OK;
  }

  private int list() {
    List<User> all = await(users.list());
    if (all == null) {
      return REFUSED;
    }
    for (User u : all) {
      out.printf(
          "%-24s %-28s %s%s%s%n",
          u.username(),
          codes(u.roles()),
          u.enabled() ? "enabled" : "disabled",
          u.hasSipPhone() ? " sip-phone" : "",
          "  " + u.displayName());
    }
    return OK;
  }

  private int passwd(String username) {
    return changed(username, users.setPassword(username, secret(PASSWORD_ENV, "password")));
  }

  private int changed(String username, CompletableFuture<Boolean> change) {
    Boolean found = await(change);
    if (found == null) {
      return REFUSED;
    }
    if (!found) {
      out.println("error: no user " + UserRules.normalizeUsername(username));
      return REFUSED;
    }
    out.println("updated " + UserRules.normalizeUsername(username));
    return OK;
  }

  /** The secret from {@code envName}, else the next line of standard input. */
  private String secret(String envName, String what) {
    String fromEnv = env.get(envName);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    try {
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw ValidationException.of(what, "is required: set $" + envName + " or pipe it in");
      }
      return line;
    } catch (IOException e) {
      throw ValidationException.of(what, "could not be read: " + e.getMessage());
    }
  }

  /** The result, or {@code null} after printing why there is none. */
  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ValidationException v) {
        v.errors().forEach((field, message) -> out.println("error: " + field + " " + message));
      } else {
        out.println("error: " + cause.getMessage());
      }
    } catch (TimeoutException e) {
      out.println("error: the database did not answer within 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("error: interrupted");
    }
    return null;
  }

  private int usage(String why) {
    out.println("error: " + why);
    out.println(HELP);
    return USAGE;
  }

  private static String value(List<String> a, int i, String option) {
    if (i >= a.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return a.get(i);
  }

  private static String codes(Set<Role> roles) {
    return String.join(",", roles.stream().map(Role::code).toList());
  }
}
