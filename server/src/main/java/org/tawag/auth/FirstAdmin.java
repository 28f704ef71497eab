package org.tawag.auth;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a fresh installation can be administered: when no enabled admin exists, it creates
 * user {@code admin} with the password of {@code TAWAG_ADMIN_PASSWORD} or, without it, a random one
 * printed once to the console stream (never to the log, which is kept and shipped). Running it
 * again changes nothing.
 */
public final class FirstAdmin {
  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  /** The environment variable that sets the first admin's password. */
  public static final String PASSWORD_ENV = "TAWAG_ADMIN_PASSWORD";

  /** The first admin's username. */
  public static final String USERNAME = "admin";

  /** Length of a generated password: about 115 bits from 55 symbols. */
  public static final int GENERATED_LENGTH = 20;

  // No 0/O, 1/l/I: the password is read off a console and typed.
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  /** What {@link #ensure()} did. */
  public enum Outcome {
    /** An enabled admin exists; nothing was done. */
    ADMIN_EXISTS,
    /** {@code admin} was created with the password from the environment. */
    CREATED_FROM_ENVIRONMENT,
    /** {@code admin} was created with a generated password, printed once. */
    CREATED_WITH_GENERATED_PASSWORD,
    /**
     * No enabled admin exists, but user {@code admin} does (disabled or without the role); it is
     * left alone and a warning logged: fix it with the user command.
     */
    USERNAME_TAKEN
  }

  private final UserStore users;
  private final Map<String, String> env;
  private final PrintStream console;
  private final SecureRandom random;

  /**
   * A first-admin check over {@code users}, reading {@code env} (normally {@code System.getenv()})
   * and printing a generated password to {@code console} (normally {@code System.out}).
   */
  public FirstAdmin(UserStore users, Map<String, String> env, PrintStream console) {
    this(users, env, console, new SecureRandom());
  }

  FirstAdmin(UserStore users, Map<String, String> env, PrintStream console, SecureRandom random) {
    this.users = users;
    this.env = env;
    this.console = console;
    this.random = random;
  }

  /**
   * Creates the first admin if needed. The future fails with {@link IllegalStateException} naming
   * {@value #PASSWORD_ENV} when its value breaks the password rules (the value is not quoted).
   */
  public CompletableFuture<Outcome> ensure() {
    return users
        .hasEnabledAdmin()
        .thenCompose(exists -> exists ? done(Outcome.ADMIN_EXISTS) : create());
  }

  private CompletableFuture<Outcome> create() {
    String fromEnv = env.get(PASSWORD_ENV);
    boolean generated = fromEnv == null || fromEnv.isEmpty();
    String password = generated ? generate() : fromEnv;
    if (!generated) {
      String problem = UserRules.passwordProblem(password);
      if (problem != null) {
        return CompletableFuture.failedFuture(
            new IllegalStateException(PASSWORD_ENV + " " + problem));
      }
    }
    NewUser admin = new NewUser(USERNAME, "Administrator", password, Set.of(Role.ADMIN));
    return users
        .create(admin)
        .thenApply(
            user -> {
              if (generated) {
                print(password);
                log.info("created the first admin '{}'; its password is on the console", USERNAME);
                return Outcome.CREATED_WITH_GENERATED_PASSWORD;
              }
              log.info(
                  "created the first admin '{}' with the password of {}", USERNAME, PASSWORD_ENV);
              return Outcome.CREATED_FROM_ENVIRONMENT;
            })
        .exceptionallyCompose(this::taken);
  }

  private CompletableFuture<Outcome> taken(Throwable failure) {
    Throwable e = failure instanceof CompletionException ? failure.getCause() : failure;
    if (!(e instanceof UsernameTakenException)) {
      return CompletableFuture.failedFuture(e);
    }
    // Another instance may have created it a moment ago; otherwise someone must repair it.
    return users
        .hasEnabledAdmin()
        .thenApply(
            exists -> {
              if (exists) {
                return Outcome.ADMIN_EXISTS;
              }
              log.warn(
                  "no enabled admin, and user '{}' exists without being one: enable it or give"
                      + " it the admin role with the user command",
                  USERNAME);
              return Outcome.USERNAME_TAKEN;
            });
  }

  private String generate() {
    StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private void print(String password) {
    String rule = "=".repeat(72);
    console.println();
    console.println(rule);
    console.println("  Tawag first start: created user '" + USERNAME + "' with password");
    console.println();
    console.println("      " + password);
    console.println();
    console.println("  It is shown only this once. Log in and change it, or set " + PASSWORD_ENV);
    console.println("  before the first start next time.");
    console.println(rule);
    console.println();
    console.flush();
  }

  private static CompletableFuture<Outcome> done(Outcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
