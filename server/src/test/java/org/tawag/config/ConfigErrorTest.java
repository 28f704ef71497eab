package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each broken configuration fails at load with a {@link ConfigException} naming file (and line),
 * the full key and the bad value.
 */
class ConfigErrorTest {
  @TempDir Path dir;

  private static final String INCLUDES =
      "include required(\"trunks.conf\")\ninclude required(\"dialplan.conf\")\n";

  private static final String GOOD_TRUNK =
      "tawag.trunks.local-pbx {\n"
          + "  peers = [\"127.0.0.1:5080\"]\n"
          + "  allowed-networks = [\"127.0.0.1/32\"]\n"
          + "}\n";

  @BeforeEach
  void writeWorkingConfig() throws IOException {
    write("tawag.conf", INCLUDES);
    write("trunks.conf", GOOD_TRUNK);
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = hello }"));
    Files.createDirectories(dir.resolve("sounds"));
    write("sounds/hello.wav", "RIFF");
  }

  private static String dialPlan(String targets) {
    return "tawag.dialplan {\n"
        + "  extensions { \"100\" = hello }\n"
        + "  targets {\n"
        + "    "
        + targets
        + "\n"
        + "  }\n"
        + "}\n";
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  private ConfigException loadFails(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(dir, env));
  }

  private ConfigException loadFails() {
    return loadFails(Map.of());
  }

  private static void assertMentions(ConfigException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void workingConfigLoads() {
    assertEquals("local-pbx", ConfigLoader.load(dir, Map.of()).trunks().get(0).name());
  }

  @Test
  void dialTrunkMustBeAConfiguredTrunk() throws IOException {
    write("tawag.conf", "tawag.agents.dial-trunk = nowhere\n" + INCLUDES);

    assertMentions(
        loadFails(), "tawag.agents.dial-trunk", "nowhere", "no trunk of that name in tawag.trunks");
  }

  @Test
  void dialCallerIdMustBeACallerId() throws IOException {
    write("tawag.conf", "tawag.agents.dial-caller-id = \"+63 2 800\"\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.agents.dial-caller-id", "not a caller id");
  }

  @Test
  void operatorsDialOverTheTransferTrunkUnlessADialTrunkIsSet() throws IOException {
    write("tawag.conf", "tawag.agents.transfer-trunk = local-pbx\n" + INCLUDES);
    AgentSettings agents = ConfigLoader.load(dir, Map.of()).agents();
    assertEquals(Optional.of("local-pbx"), agents.outgoingTrunk());
    assertEquals(Optional.empty(), agents.dialCallerId());

    write(
        "tawag.conf",
        "tawag.agents { dial-trunk = local-pbx, dial-caller-id = \"+6328001234\" }\n" + INCLUDES);
    agents = ConfigLoader.load(dir, Map.of()).agents();
    assertEquals(Optional.of("local-pbx"), agents.outgoingTrunk());
    assertEquals(Optional.of("+6328001234"), agents.dialCallerId());
  }

  @Test
  void badCidrNamesIncludedFileLineKeyAndValue() throws IOException {
    write(
        "trunks.conf",
        "tawag.trunks.local-pbx {\n"
            + "  peers = [\"127.0.0.1:5080\"]\n"
            + "  allowed-networks = [\"127.0.0.1/32\", \"10.0.0.300/8\"]\n"
            + "}\n");

    ConfigException e = loadFails();

    assertMentions(
        e,
        dir.resolve("trunks.conf") + ":3: ",
        "tawag.trunks.local-pbx.allowed-networks[1] = \"10.0.0.300/8\"",
        "not an IP network");
    assertEquals(Optional.of("tawag.trunks.local-pbx.allowed-networks[1]"), e.key());
  }

  @Test
  void cidrPrefixTooLong() throws IOException {
    write("trunks.conf", GOOD_TRUNK.replace("127.0.0.1/32", "127.0.0.1/33"));

    assertMentions(
        loadFails(),
        "trunks.conf:3",
        "tawag.trunks.local-pbx.allowed-networks[0] = \"127.0.0.1/33\"",
        "not an IP network");
  }

  @Test
  void tlsCertificateWithoutKey() throws IOException {
    write("cert.pem", "-----BEGIN CERTIFICATE-----\n");
    write("tawag.conf", "tawag.http.tls.certificate = cert.pem\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.http.tls.key", "both certificate and key");
  }

  @Test
  void tlsFileMissing() throws IOException {
    write("cert.pem", "-----BEGIN CERTIFICATE-----\n");

    assertMentions(
        loadFails(Map.of("TAWAG_HTTP_TLS_CERTIFICATE", "cert.pem", "TAWAG_HTTP_TLS_KEY", "no.pem")),
        "tawag.http.tls.key",
        "not a readable file",
        "no.pem");
  }

  @Test
  void oddPortMin() throws IOException {
    write("tawag.conf", "tawag.rtp {\n  port-min = 20001\n}\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.conf:2: ", "tawag.rtp.port-min = 20001", "must be even");
  }

  @Test
  void portMaxNotAbovePortMin() throws IOException {
    write("tawag.conf", "tawag.rtp { port-min = 30000, port-max = 30000 }\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.conf:1", "tawag.rtp.port-max = 30000", "above port-min");
  }

  @Test
  void portOutOfRange() throws IOException {
    write("tawag.conf", "tawag.sip.udp-port = 70000\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.conf:1", "tawag.sip.udp-port = 70000", "0..65535");
  }

  @Test
  void portOfWrongTypeNamesKeyAndValue() throws IOException {
    write("tawag.conf", "tawag.sip.udp-port = \"five\"\n" + INCLUDES);

    assertMentions(
        loadFails(), "tawag.conf:1", "tawag.sip.udp-port = \"five\"", "expected a whole number");
  }

  @Test
  void fractionalPortIsNotTruncated() throws IOException {
    write("tawag.conf", "tawag.http.port = 8080.5\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.http.port = 8080.5", "whole number");
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    ConfigException e = loadFails(Map.of("TAWAG_SIP_UDP_PORT", "50x60"));

    assertMentions(
        e,
        "environment variable TAWAG_SIP_UDP_PORT",
        "tawag.sip.udp-port = \"50x60\"",
        "expected a whole number");
  }

  @Test
  void maxCallsMustBePositive() throws IOException {
    write("tawag.conf", "tawag.sip.max-calls = 0\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.sip.max-calls = 0", "out of range 1..");
  }

  @Test
  void negativeDuration() throws IOException {
    write("tawag.conf", "tawag.rtp.media-timeout = -5s\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.rtp.media-timeout = \"-5s\"", "must not be negative");
  }

  @Test
  void durationWithoutUnit() throws IOException {
    write("tawag.conf", "tawag.sip.retry-after = 30\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.sip.retry-after = 30", "needs a unit");
  }

  @Test
  void durationThatIsNotADuration() throws IOException {
    write("tawag.conf", "tawag.rtp.jitter-buffer = soon\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.rtp.jitter-buffer = \"soon\"", "not a duration");
  }

  @Test
  void wildcardAdvertisedAddress() throws IOException {
    write("tawag.conf", "tawag.sip.advertised-address = \"0.0.0.0\"\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.sip.advertised-address = \"0.0.0.0\"", "wildcard");
  }

  @Test
  void unknownKeyInFixedSection() throws IOException {
    write("tawag.conf", "tawag.sip.udp-prot = 5070\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.conf:1", "tawag.sip.udp-prot = 5070", "unknown key");
  }

  @Test
  void typoKeyInTrunk() throws IOException {
    write(
        "trunks.conf",
        "tawag.trunks.local-pbx {\n"
            + "  peers = [\"127.0.0.1:5080\"]\n"
            + "  allowed-network = [\"127.0.0.1/32\"]\n"
            + "}\n");

    assertMentions(
        loadFails(),
        "trunks.conf:3",
        "tawag.trunks.local-pbx.allowed-network = [\"127.0.0.1/32\"]",
        "unknown key",
        "allowed-networks");
  }

  @Test
  void typoKeyInTrunkCredentials() throws IOException {
    write(
        "trunks.conf",
        GOOD_TRUNK.replace("}\n", "  credentials { username = u, pasword = p }\n}\n"));

    assertMentions(
        loadFails(), "tawag.trunks.local-pbx.credentials.pasword = \"p\"", "unknown key");
  }

  @Test
  void trunkWithoutPeers() throws IOException {
    write("trunks.conf", "tawag.trunks.local-pbx {\n  transport = udp\n}\n");

    assertMentions(loadFails(), "trunks.conf:1", "tawag.trunks.local-pbx.peers", "missing");
  }

  @Test
  void badPeer() throws IOException {
    write("trunks.conf", GOOD_TRUNK.replace("127.0.0.1:5080", "::1:5080"));

    assertMentions(loadFails(), "tawag.trunks.local-pbx.peers[0] = \"::1:5080\"", "needs brackets");
  }

  @Test
  void unknownTransport() throws IOException {
    write("trunks.conf", GOOD_TRUNK.replace("}\n", "  transport = tls\n}\n"));

    assertMentions(loadFails(), "tawag.trunks.local-pbx.transport = \"tls\"", "udp or tcp");
  }

  @Test
  void registrationAorMustBeSipUri() throws IOException {
    write("trunks.conf", GOOD_TRUNK.replace("}\n", "  register { aor = \"tawag@pbx\" }\n}\n"));

    assertMentions(loadFails(), "tawag.trunks.local-pbx.register.aor = \"tawag@pbx\"", "SIP URI");
  }

  @Test
  void unknownTargetReferenceFromExtension() throws IOException {
    write(
        "dialplan.conf",
        dialPlan("hello { type = announcement, sound = hello }")
            .replace("\"100\" = hello", "\"100\" = nowhere"));

    assertMentions(
        loadFails(),
        "dialplan.conf:2",
        "tawag.dialplan.extensions.100 = \"nowhere\"",
        "no such target");
  }

  @Test
  void unknownTargetReferenceFromIvrChoiceAndOnFailure() throws IOException {
    String menu = "menu { type = ivr, prompt = hello, choices { \"1\" = hello, \"2\" = nowhere } }";
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = hello }\n" + menu));
    assertMentions(
        loadFails(), "tawag.dialplan.targets.menu.choices.2 = \"nowhere\"", "no such target");

    menu = "menu { type = ivr, prompt = hello, choices { \"1\" = hello }, on-failure = gone }";
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = hello }\n" + menu));
    assertMentions(
        loadFails(), "tawag.dialplan.targets.menu.on-failure = \"gone\"", "no such target");
  }

  @Test
  void unknownTargetReferenceFromAnnouncementNext() throws IOException {
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = hello, next = later }"));

    assertMentions(loadFails(), "tawag.dialplan.targets.hello.next = \"later\"", "no such target");
  }

  @Test
  void unknownTargetType() throws IOException {
    write("dialplan.conf", dialPlan("hello { type = voicemail }"));

    assertMentions(
        loadFails(),
        "dialplan.conf:4",
        "tawag.dialplan.targets.hello.type = \"voicemail\"",
        "unknown target type",
        "announcement");
  }

  @Test
  void keyOfAnotherTargetType() throws IOException {
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = hello, queue = q }"));

    assertMentions(loadFails(), "tawag.dialplan.targets.hello.queue = \"q\"", "unknown key");
  }

  @Test
  void missingSoundFileNamesTargetKeyAndFile() throws IOException {
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = nosuch }"));

    assertMentions(
        loadFails(),
        "dialplan.conf:4",
        "tawag.dialplan.targets.hello.sound = \"nosuch\"",
        dir.resolve("sounds").resolve("nosuch.wav").toString(),
        "not found");
  }

  @Test
  void soundNamedWithExtension() throws IOException {
    write("dialplan.conf", dialPlan("hello { type = announcement, sound = \"hello.wav\" }"));

    assertMentions(loadFails(), "tawag.dialplan.targets.hello.sound = \"hello.wav\"", ".wav");
  }

  @Test
  void ivrChoiceKeyThatIsNotDtmf() throws IOException {
    write(
        "dialplan.conf",
        dialPlan(
            "hello { type = announcement, sound = hello }\n"
                + "menu { type = ivr, prompt = hello, choices { \"1E\" = hello } }"));

    assertMentions(loadFails(), "tawag.dialplan.targets.menu.choices.1E = \"hello\"", "DTMF");
  }

  @Test
  void ivrMissingSoundsAndBadCounts() throws IOException {
    String hello = "hello { type = announcement, sound = hello }\n";
    write(
        "dialplan.conf",
        dialPlan(
            hello
                + "menu { type = ivr, prompt = hello, choices { \"1\" = hello }, "
                + "invalid-sound = oops }"));
    assertMentions(loadFails(), "tawag.dialplan.targets.menu.invalid-sound = \"oops\"", "oops.wav");

    write(
        "dialplan.conf",
        dialPlan(
            hello
                + "menu { type = ivr, prompt = hello, choices { \"1\" = hello }, "
                + "max-attempts = 0 }"));
    assertMentions(loadFails(), "tawag.dialplan.targets.menu.max-attempts = 0", "out of range");

    write("dialplan.conf", dialPlan(hello + "menu { type = ivr, prompt = hello, choices {} }"));
    assertMentions(loadFails(), "tawag.dialplan.targets.menu.choices", "at least one choice");
  }

  @Test
  void rejectCodeOutsideFourToSixHundreds() throws IOException {
    write("dialplan.conf", dialPlan("hello { type = reject, code = 302, reason = Moved }"));

    assertMentions(loadFails(), "tawag.dialplan.targets.hello.code = 302", "400..699");
  }

  @Test
  void malformedPattern() throws IOException {
    write(
        "dialplan.conf",
        dialPlan("hello { type = announcement, sound = hello }")
            .replace("\"100\" = hello", "\"_1[5-\" = hello"));

    assertMentions(loadFails(), "tawag.dialplan.extensions.\"_1[5-\" = \"hello\"", "unclosed '['");
  }

  @Test
  void hoconSyntaxErrorNamesFileAndLine() throws IOException {
    write("trunks.conf", "tawag.trunks.local-pbx {\n  peers = [\"127.0.0.1:5080\"\n}\n");

    ConfigException e = loadFails();

    assertMentions(e, dir.resolve("trunks.conf") + ":3: ");
    assertEquals(Optional.empty(), e.key());
    assertTrue(e.getCause() instanceof com.typesafe.config.ConfigException.Parse);
  }

  @Test
  void missingIncludedFile() throws IOException {
    Files.delete(dir.resolve("dialplan.conf"));

    assertMentions(loadFails(), dir.resolve("tawag.conf").toString(), "dialplan.conf", "not found");
  }

  @Test
  void missingMainFile() throws IOException {
    Files.delete(dir.resolve("tawag.conf"));

    assertMentions(loadFails(), dir.resolve("tawag.conf").toString(), "not found");
  }

  @Test
  void unresolvedSubstitution() throws IOException {
    write("tawag.conf", "tawag.sip.user-agent = ${NO_SUCH_VARIABLE}\n" + INCLUDES);

    assertMentions(loadFails(), "tawag.conf:1", "NO_SUCH_VARIABLE");
  }
}
