package org.tawag.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.AgentClient;
import org.tawag.testing.TawagTestServer;

/**
 * {@code tawag.http.tls}: a server given a PEM certificate and key serves HTTPS and WSS on its one
 * port. The certificate is made by the JDK's keytool for this run (self-signed, for 127.0.0.1), its
 * key exported to PEM in Java, and the client trusts exactly that certificate.
 */
class TlsIT {
  private static final String STORE_PASSWORD = "changeit";

  @TempDir static Path dir;
  static TawagTestServer server;
  static HttpClient client;

  @BeforeAll
  static void startWithTls() throws Exception {
    KeyStore store = selfSigned(dir.resolve("tls.p12"));
    Certificate cert = store.getCertificate("tawag");
    Path certPem = dir.resolve("cert.pem");
    Path keyPem = dir.resolve("key.pem");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(
        keyPem,
        pem("PRIVATE KEY", store.getKey("tawag", STORE_PASSWORD.toCharArray()).getEncoded()));
    server =
        TawagTestServer.start(
            dir.resolve("server"),
            Map.of(
                "TAWAG_HTTP_TLS_CERTIFICATE", certPem.toString(),
                "TAWAG_HTTP_TLS_KEY", keyPem.toString()));

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("tawag", cert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Timeout(30)
  void healthAnswersOverHttps() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base() + "/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertEquals("up", new JsonObject(r.body()).getString("status"));
  }

  @Test
  @Timeout(30)
  void plainHttpIsNotServed() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThrows(
        IOException.class,
        () ->
            plain.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.server().httpPort() + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  @Timeout(30)
  void operatorSignsInOverHttpsAndOpensTheAgentSocketOverWss() throws Exception {
    String admin = login("admin", TawagTestServer.ADMIN_PASSWORD);
    HttpResponse<String> created =
        post(
            "/api/users",
            admin,
            new JsonObject()
                .put("username", "alice")
                .put("password", "operator-pass-1")
                .put("displayName", "alice")
                .put("roles", new JsonArray(List.of("operator"))));
    assertEquals(201, created.statusCode(), created.body());
    String cookie = login("alice", "operator-pass-1");

    try (AgentClient alice =
        AgentClient.connect(
            client,
            URI.create("wss://127.0.0.1:" + server.server().httpPort() + "/agent/v1"),
            cookie,
            base())) {
      JsonObject welcome = alice.await("welcome", Duration.ofSeconds(10));
      assertEquals("alice", welcome.getString("agent"));
      // The order form's lists come from the server's order settings.
      JsonObject settings = alice.await("orderSettings", Duration.ofSeconds(10));
      assertTrue(settings.getJsonArray("serviceTypes").contains("internet"), settings.encode());
      assertTrue(settings.getJsonArray("dispositions").contains("agreed"), settings.encode());
      alice.send("hold", "callId", "none");
      JsonObject error = alice.await("error", Duration.ofSeconds(10));
      assertEquals("hold", error.getString("request"), "the error names the request");
    }
  }

  private static String login(String user, String password) throws Exception {
    HttpResponse<String> r =
        post("/api/login", null, new JsonObject().put("username", user).put("password", password));
    assertEquals(200, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
    assertTrue(setCookie.contains("Secure"), "a session cookie over TLS is Secure: " + setCookie);
    return setCookie.split(";", 2)[0];
  }

  private static HttpResponse<String> post(String path, String cookie, JsonObject body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .header("Origin", base())
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return "https://127.0.0.1:" + server.server().httpPort();
  }

  /** A PKCS#12 store with an RSA key pair and its self-signed certificate for 127.0.0.1. */
  private static KeyStore selfSigned(Path file) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "tawag",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "keytool did not finish");
    assertEquals(0, p.exitValue(), "keytool: " + out);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, STORE_PASSWORD.toCharArray());
    }
    return store;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
