package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.dialplan.Route;

/** Loads the repository's own {@code sip-config/} and checks defaults and env overrides. */
class ConfigLoaderTest {
  /** Surefire runs in the module directory (server/), so the repo's sip-config is one up. */
  static final Path SIP_CONFIG = Path.of("..", "sip-config");

  @Test
  void repositorySipConfigIsFoundFromTheModuleDirectory() {
    assertTrue(
        Files.isRegularFile(SIP_CONFIG.resolve("tawag.conf")),
        "working directory " + Path.of("").toAbsolutePath());
  }

  @Test
  void demoConfigLoadsWithDocumentedDefaults() {
    TawagConfig config = ConfigLoader.load(SIP_CONFIG, Map.of());

    assertEquals(
        new SipSettings(
            "0.0.0.0",
            "127.0.0.1",
            5060,
            5060,
            500,
            Duration.ofSeconds(30),
            "Tawag/0.1",
            Duration.ofSeconds(30)),
        config.sip());
    assertEquals(
        new RtpSettings(
            "0.0.0.0",
            "127.0.0.1",
            20000,
            29999,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofMillis(60)),
        config.rtp());
    assertEquals(new HttpSettings("0.0.0.0", 8080), config.http());
    assertEquals(SIP_CONFIG.resolve("sounds").normalize(), config.soundsDir());
    assertEquals(Path.of("./data"), config.dataDir());
  }

  @Test
  void demoTrunkIsLocalPbxOnLoopback() throws Exception {
    TawagConfig config = ConfigLoader.load(SIP_CONFIG, Map.of());

    assertEquals(1, config.trunks().size());
    TrunkConfig trunk = config.trunks().get(0);
    assertEquals("local-pbx", trunk.name());
    assertEquals(List.of(new HostPort("127.0.0.1", 5080)), trunk.peers());
    assertEquals("udp", trunk.transport());
    assertEquals(Optional.empty(), trunk.credentials());
    assertEquals(Optional.empty(), trunk.registration());
    assertEquals(List.of(), trunk.dids());
    assertEquals("tawag", trunk.fromUser());
    assertEquals(2, trunk.allowedNetworks().size());
    assertTrue(trunk.allowedNetworks().get(0).contains(InetAddress.getByName("127.0.0.1")));
    assertFalse(trunk.allowedNetworks().get(0).contains(InetAddress.getByName("127.0.0.2")));
    assertTrue(trunk.allowedNetworks().get(1).contains(InetAddress.getByName("::1")));
  }

  @Test
  void demoDialPlanResolvesEachExtension() {
    var plan = ConfigLoader.load(SIP_CONFIG, Map.of()).dialPlan();

    assertEquals(Optional.of(new Route.Echo("echo")), plan.resolve("600"));
    Route.Ivr menu = (Route.Ivr) plan.resolve("700").orElseThrow();
    assertEquals("demo-menu", menu.prompt());
    assertEquals(Map.of("1", "echo", "2", "goodbye", "9", "support"), menu.choices());
    assertEquals(Duration.ofSeconds(5), menu.digitTimeout());
    assertEquals(3, menu.maxAttempts());
    assertEquals(Optional.of("invalid"), menu.invalidSound());
    assertEquals(Optional.of("goodbye"), menu.onFailure());
    assertEquals(
        Optional.of(new Route.Announcement("goodbye", "goodbye", Optional.empty())),
        plan.resolve("701"));
    assertEquals(Optional.of(new Route.Queue("support", "support")), plan.resolve("800"));
    assertEquals(Optional.of(new Route.Reject("busy", 486, "Busy Here")), plan.resolve("486"));
    assertEquals(
        Optional.of(new Route.Announcement("welcome", "welcome", Optional.of("demo-menu"))),
        plan.resolve("705"));
    assertEquals(Optional.empty(), plan.resolve("12345"));
    assertEquals(new Route.Echo("echo"), plan.target("echo"));
  }

  @Test
  void everySoundTheDemoNamesExistsAsEightKilohertzMonoWav() throws Exception {
    Path sounds = ConfigLoader.load(SIP_CONFIG, Map.of()).soundsDir();
    for (String name :
        List.of("welcome", "goodbye", "demo-menu", "invalid", "queue-unavailable", "hold-music")) {
      byte[] wav = Files.readAllBytes(sounds.resolve(name + ".wav"));
      java.nio.ByteBuffer header =
          java.nio.ByteBuffer.wrap(wav, 0, 44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      assertEquals("RIFF", new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
      assertEquals(1, header.getShort(20), name + ": PCM format");
      assertEquals(1, header.getShort(22), name + ": channels");
      assertEquals(8000, header.getInt(24), name + ": sample rate");
      assertEquals(16, header.getShort(34), name + ": bits per sample");
      assertTrue(wav.length > 8000, name + ": at least half a second of audio");
    }
  }

  @Test
  void environmentOverridesWinOverTheAdminsFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("tawag.conf"),
        "tawag.sip { udp-port = 5070, tcp-port = 5071, advertised-address = \"10.1.1.1\" }\n"
            + "tawag.rtp { port-min = 30000, port-max = 30099 }\n"
            + "tawag.http.port = 9000\n"
            + "tawag.data-dir = /var/lib/x\n");
    Map<String, String> env =
        Map.of(
            "TAWAG_SIP_UDP_PORT", "6060",
            "TAWAG_SIP_TCP_PORT", "6061",
            "TAWAG_SIP_BIND", "192.0.2.1",
            "TAWAG_SIP_ADVERTISED_ADDRESS", "192.0.2.2",
            "TAWAG_RTP_PORT_MIN", "40000",
            "TAWAG_RTP_PORT_MAX", "40999",
            "TAWAG_RTP_ADVERTISED_ADDRESS", "192.0.2.3",
            "TAWAG_HTTP_PORT", "9090",
            "TAWAG_DATA_DIR", "/srv/tawag");

    TawagConfig config = ConfigLoader.load(dir, env);

    assertEquals(6060, config.sip().udpPort());
    assertEquals(6061, config.sip().tcpPort());
    assertEquals("192.0.2.1", config.sip().bindAddress());
    assertEquals("192.0.2.2", config.sip().advertisedAddress());
    assertEquals(40000, config.rtp().portMin());
    assertEquals(40999, config.rtp().portMax());
    assertEquals("192.0.2.3", config.rtp().advertisedAddress());
    assertEquals(9090, config.http().port());
    assertEquals(Path.of("/srv/tawag"), config.dataDir());
  }

  @Test
  void fileWinsOverDefaultsWhenNoEnvironmentOverride(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tawag.conf"), "tawag.sip.udp-port = 5070\n");

    TawagConfig config = ConfigLoader.load(dir, Map.of("TAWAG_HTTP_PORT", "9090"));

    assertEquals(5070, config.sip().udpPort());
    assertEquals(5060, config.sip().tcpPort());
    assertEquals(9090, config.http().port());
    assertEquals(List.of(), config.trunks());
    assertEquals(Optional.empty(), config.dialPlan().resolve("600"));
  }

  @Test
  void tlsFilesAreFoundUnderTheConfigDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("tawag.conf"),
        "tawag.http.tls { certificate = tls/cert.pem, key = tls/key.pem }\n");
    Files.createDirectories(dir.resolve("tls"));
    Files.writeString(dir.resolve("tls/cert.pem"), "");
    Files.writeString(dir.resolve("tls/key.pem"), "");

    assertEquals(
        Optional.of(new HttpSettings.Tls(dir.resolve("tls/cert.pem"), dir.resolve("tls/key.pem"))),
        ConfigLoader.load(dir, Map.of()).http().tls());
  }

  @Test
  void rtpAdvertisedAddressFollowsSipUnlessSet(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tawag.conf"), "tawag.sip.advertised-address = \"10.0.0.5\"\n");

    assertEquals("10.0.0.5", ConfigLoader.load(dir, Map.of()).rtp().advertisedAddress());
    assertEquals(
        "10.0.0.6",
        ConfigLoader.load(dir, Map.of("TAWAG_SIP_ADVERTISED_ADDRESS", "10.0.0.6"))
            .rtp()
            .advertisedAddress());
  }

  @Test
  void adminFilesMayReadOtherEnvironmentVariables(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("tawag.conf"),
        "tawag.trunks.pbx {\n"
            + "  peers = [\"pbx.example:5060\"]\n"
            + "  credentials { username = u, password = ${?PBX_PASSWORD} }\n"
            + "}\n");

    TrunkConfig trunk = ConfigLoader.load(dir, Map.of("PBX_PASSWORD", "s3cret")).trunks().get(0);

    assertEquals(new TrunkConfig.Credentials("u", "s3cret", ""), trunk.credentials().orElseThrow());
  }

  @Test
  void fullTrunkWithCredentialsAndRegistration(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("tawag.conf"),
        "tawag.trunks.hosted {\n"
            + "  peers = [\"pbx.example.net\", \"[2001:db8::10]:5070\"]\n"
            + "  transport = tcp\n"
            + "  allowed-networks = [\"198.51.100.0/24\", \"2001:db8::/32\"]\n"
            + "  credentials { username = tawag, password = pw, realm = pbx.example.net }\n"
            + "  register { aor = \"sip:tawag@pbx.example.net\", expires = 10m }\n"
            + "  dids = [\"+3222740000\", 0032227400]\n"
            + "  from-user = callcenter\n"
            + "}\n");

    TrunkConfig trunk = ConfigLoader.load(dir, Map.of()).trunks().get(0);

    assertEquals(
        List.of(new HostPort("pbx.example.net", 5060), new HostPort("2001:db8::10", 5070)),
        trunk.peers());
    assertEquals("tcp", trunk.transport());
    assertTrue(trunk.allowedNetworks().get(1).contains(InetAddress.getByName("2001:db8::1")));
    assertEquals(
        new TrunkConfig.Credentials("tawag", "pw", "pbx.example.net"),
        trunk.credentials().orElseThrow());
    assertEquals(
        new TrunkConfig.Registration("sip:tawag@pbx.example.net", Duration.ofMinutes(10)),
        trunk.registration().orElseThrow());
    assertEquals(List.of("+3222740000", "0032227400"), trunk.dids());
    assertEquals("callcenter", trunk.fromUser());
  }
}
