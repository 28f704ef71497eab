package org.tawag.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tawag.db.DatabaseSettings;
import org.tawag.dialplan.DialPlan;

/**
 * Reads {@code <configDir>/tawag.conf} (and the files it includes) over the defaults in {@code
 * reference.conf}, applies environment overrides, checks every value and builds a {@link
 * TawagConfig}. Every problem is a {@link ConfigException} naming file, key and value.
 *
 * <p>Precedence, highest first: the environment variables of {@link EnvOverrides}, {@code
 * tawag.conf} and its includes, {@code reference.conf}.
 */
public final class ConfigLoader {
  /** The admin's file inside the config directory. */
  public static final String MAIN_FILE = "tawag.conf";

  private static final Set<String> TOP_KEYS =
      Set.of(
          "sip",
          "rtp",
          "http",
          "database",
          "agents",
          "trunks",
          "dialplan",
          "queues",
          "queue-defaults",
          "orders",
          "sounds-dir",
          "data-dir");

  private ConfigLoader() {}

  /** Loads {@code configDir} with the process environment as overrides. */
  public static TawagConfig load(Path configDir) {
    return load(configDir, System.getenv());
  }

  /**
   * Loads {@code configDir} with {@code env} standing for the process environment (tests pass their
   * own map).
   *
   * @throws ConfigException naming file, key and value for the first problem found
   */
  public static TawagConfig load(Path configDir, Map<String, String> env) {
    Config resolved = resolve(configDir, env);
    ConfigSection tawag = new ConfigSection(resolved.root(), List.of()).section("tawag");
    tawag.allowOnly(TOP_KEYS);
    SipSettings sip = SettingsReader.sip(tawag.section("sip"));
    RtpSettings rtp = SettingsReader.rtp(tawag.section("rtp"));
    HttpSettings http = SettingsReader.http(tawag.section("http"), configDir);
    List<TrunkConfig> trunks = new ArrayList<>();
    ConfigSection trunksSection = tawag.section("trunks");
    for (String name : trunksSection.names()) {
      trunks.add(TrunkReader.read(trunksSection.section(name)));
    }
    Path soundsDir = configDir.resolve(tawag.string("sounds-dir")).normalize();
    ConfigSection queues = tawag.section("queues");
    ConfigSection dialplanSection = tawag.section("dialplan");
    DialPlan dialPlan = DialPlanReader.read(dialplanSection, soundsDir, queues.names());
    QueueReader.Queues acd =
        QueueReader.read(
            queues,
            tawag.section("queue-defaults"),
            dialplanSection.section("targets").names(),
            soundsDir);
    Path dataDir = Path.of(tawag.string("data-dir"));
    DatabaseSettings database = SettingsReader.database(tawag.section("database"), dataDir);
    ConfigSection agentsSection = tawag.section("agents");
    AgentSettings agents = SettingsReader.agents(agentsSection);
    if (agents.transferTrunk().isPresent()
        && trunks.stream().noneMatch(t -> t.name().equals(agents.transferTrunk().get()))) {
      throw agentsSection.error("transfer-trunk", "no trunk of that name in tawag.trunks");
    }
    if (agents.dialTrunk().isPresent()
        && trunks.stream().noneMatch(t -> t.name().equals(agents.dialTrunk().get()))) {
      throw agentsSection.error("dial-trunk", "no trunk of that name in tawag.trunks");
    }
    return new TawagConfig(
        sip,
        rtp,
        http,
        database,
        agents,
        trunks,
        dialPlan,
        soundsDir,
        dataDir,
        acd.media(),
        acd.acd(),
        OrderTypesReader.read(tawag.section("orders")));
  }

  /**
   * Merges overrides, the admin's file and the defaults, then resolves substitutions against {@code
   * env} only, so a test's map fully replaces the real environment.
   */
  private static Config resolve(Path configDir, Map<String, String> env) {
    Path file = configDir.resolve(MAIN_FILE);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          file.toString(), "not found (config directory " + configDir + ")", null);
    }
    try {
      Config admin =
          ConfigFactory.parseFile(
              file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      Config reference =
          ConfigFactory.parseResources(
              ConfigLoader.class.getClassLoader(),
              "reference.conf",
              ConfigParseOptions.defaults().setAllowMissing(false));
      Config merged = EnvOverrides.of(env).withFallback(admin).withFallback(reference);
      // The environment as root keys is what "${?TAWAG_SIP_UDP_PORT}" in reference.conf and any
      // "${?VAR}" in the admin's files look up.
      Config envRoot = ConfigValueFactory.fromMap(env, "environment").toConfig();
      return merged
          .withFallback(envRoot)
          .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw translate(e, file);
    }
  }

  /** Turns a Typesafe parse or resolve error into ours, keeping its file and line. */
  private static ConfigException translate(com.typesafe.config.ConfigException e, Path file) {
    ConfigOrigin origin = e.origin();
    if (origin == null || (origin.filename() == null && origin.lineNumber() < 0)) {
      // A required include that is missing has no file or line of its own.
      return new ConfigException(
          file.toString(), "in this file or one it includes: " + e.getMessage(), e);
    }
    String message = e.getMessage();
    String prefix = origin.description() + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return new ConfigException(ConfigSection.location(origin), message, e);
  }
}
