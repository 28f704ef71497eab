package org.tawag.sip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tawag.call.CallSession;
import org.tawag.call.WheelCallTimers;
import org.tawag.config.ConfigLoader;
import org.tawag.config.TawagConfig;
import org.tawag.media.play.SoundLibrary;
import org.tawag.media.transport.NettyMediaEngine;
import org.tawag.sip.registrar.PhoneAccess;
import org.tawag.sip.registrar.PhoneBindings;
import org.tawag.sip.registrar.PhonePresence;
import org.tawag.sip.registrar.RegistrarSettings;
import org.tawag.sip.registrar.StaticPhoneCredentials;
import org.tawag.testing.FreePorts;
import org.tawag.testing.RecordingCallEvents;

/**
 * Tawag's SIP side with the phone registrar, built as the composition root will build it (the
 * repository's demo {@code sip-config/}, loopback ports), until TawagServer wires phones in.
 */
final class PhoneTestServer implements AutoCloseable {
  /** The phone users the registrar knows, and their passwords. */
  static final Map<String, String> PASSWORDS = Map.of("alice", "alice-s3cret", "bob", "bob-s3cret");

  private final NettyMediaEngine media;
  private final WheelCallTimers timers;
  private final SipService sip;
  private final int sipPort;
  private final RegistrarSettings settings;

  private PhoneTestServer(
      NettyMediaEngine media,
      WheelCallTimers timers,
      SipService sip,
      int sipPort,
      RegistrarSettings settings) {
    this.media = media;
    this.timers = timers;
    this.sip = sip;
    this.sipPort = sipPort;
    this.settings = settings;
  }

  static PhoneTestServer start(Path dataDir, PhonePresence presence) throws IOException {
    int sipPort = FreePorts.udpAndTcp();
    Map<String, String> env = new HashMap<>();
    env.put("TAWAG_SIP_UDP_PORT", String.valueOf(sipPort));
    env.put("TAWAG_SIP_TCP_PORT", String.valueOf(sipPort));
    env.put("TAWAG_SIP_BIND", "127.0.0.1");
    env.put("TAWAG_SIP_ADVERTISED_ADDRESS", "127.0.0.1");
    env.put("TAWAG_RTP_ADVERTISED_ADDRESS", "127.0.0.1");
    env.put("TAWAG_RTP_PORT_MIN", "31000");
    env.put("TAWAG_RTP_PORT_MAX", "31999");
    env.put("TAWAG_HTTP_PORT", "0");
    env.put("TAWAG_DATA_DIR", dataDir.toString());
    TawagConfig config =
        ConfigLoader.load(Path.of("..", "sip-config").toAbsolutePath().normalize(), env);
    NettyMediaEngine media = new NettyMediaEngine(config.rtp());
    WheelCallTimers timers = new WheelCallTimers();
    CallSession.Context calls =
        new CallSession.Context(
            config.dialPlan(),
            SoundLibrary.load(config.soundsDir()),
            // These tests call phones, never queues.
            (call, route) -> call.channel().reject(480, "No ACD in this test"),
            timers,
            new RecordingCallEvents());
    RegistrarSettings settings = RegistrarSettings.defaults();
    PhoneAccess access =
        new PhoneAccess(
            StaticPhoneCredentials.withPasswords(settings.realm(), PASSWORDS), presence, settings);
    SipService sip = SipService.start(config, media, calls, timers, access);
    return new PhoneTestServer(media, timers, sip, sipPort, settings);
  }

  SipService sip() {
    return sip;
  }

  PhoneBindings phones() {
    return sip.phones().orElseThrow();
  }

  int sipPort() {
    return sipPort;
  }

  RegistrarSettings settings() {
    return settings;
  }

  /** An even port for SIPp's media, outside Tawag's RTP range (as TawagTestServer picks it). */
  int sippMediaPort() {
    return 30400 + 4 * (sipPort % 90);
  }

  @Override
  public void close() {
    sip.close();
    timers.close();
    media.close();
  }
}
