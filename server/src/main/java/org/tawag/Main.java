package org.tawag;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.tawag.auth.UserCommand;
import org.tawag.call.CallEvents;
import org.tawag.config.ConfigException;
import org.tawag.config.ConfigLoader;
import org.tawag.config.TawagConfig;
import org.tawag.db.Database;

/**
 * Starts Tawag from the command line: {@code java -jar tawag.jar [config-dir]}; the config
 * directory defaults to {@code $TAWAG_CONFIG_DIR}, then {@code ./sip-config}.
 *
 * <p>{@code java -jar tawag.jar user <add|list|passwd|roles|enable|disable> ...} manages users in
 * the configured database instead (see {@link org.tawag.auth.UserCommand}).
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    boolean userCommand = args.length > 0 && args[0].equals("user");
    String dir =
        args.length > 0 && !userCommand
            ? args[0]
            : System.getenv().getOrDefault("TAWAG_CONFIG_DIR", "sip-config");
    TawagConfig config;
    try {
      config = ConfigLoader.load(Path.of(dir));
    } catch (ConfigException e) {
      log.error("configuration error: {}", e.getMessage());
      System.exit(2);
      return;
    }
    if (userCommand) {
      System.exit(runUserCommand(config, args));
      return;
    }
    TawagServer server;
    try {
      server = TawagServer.start(config, CallEvents.NONE);
    } catch (RuntimeException e) {
      log.error("cannot start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "tawag-shutdown"));
    stopped.await();
  }

  private static int runUserCommand(TawagConfig config, String[] args) {
    try (Database db = Database.open(config.database())) {
      return UserCommand.run(args, db, Console.out());
    } catch (RuntimeException e) {
      log.error("user command failed: {}", e.getMessage());
      return 1;
    }
  }
}
