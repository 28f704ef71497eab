package org.tawag.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.call.EndReason;
import org.tawag.sip.registrar.PhonePresence;
import org.tawag.testing.FreePorts;
import org.tawag.testing.Sipp;

/**
 * SIP phones as operators, with SIPp as the phone on 127.0.0.2 (outside every trunk's network): it
 * registers with digest, then Tawag calls it through {@link OutboundCalls#dialPhone}. SIPp matches
 * messages to calls by Call-ID, so one run registers and a second run, on the same port, takes the
 * call, as the phone's flow.
 */
@Timeout(120)
class PhoneCallIT {
  static PhoneTestServer tawag;

  @TempDir Path work;

  @BeforeAll
  static void start() throws Exception {
    tawag = PhoneTestServer.start(Files.createTempDirectory("tawag-phones-"), PhonePresence.NONE);
  }

  @AfterAll
  static void stop() {
    if (tawag != null) {
      tawag.close();
    }
  }

  private Sipp.Result register(String scenario, String user, String password, int port)
      throws Exception {
    return sipp("register-" + user)
        .run(
            scenario,
            "127.0.0.1:" + tawag.sipPort(),
            List.of(
                "-s",
                user,
                "-au",
                user,
                "-ap",
                password,
                "-i",
                "127.0.0.2",
                "-p",
                String.valueOf(port)),
            20);
  }

  private CompletableFuture<Sipp.Result> phone(String scenario, String user, int port) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return sipp("phone-" + user)
                .run(
                    scenario,
                    null,
                    List.of(
                        "-s",
                        user,
                        "-i",
                        "127.0.0.2",
                        "-p",
                        String.valueOf(port),
                        "-mp",
                        String.valueOf(tawag.sippMediaPort())),
                    30);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Each SIPp run in a directory of its own: Sipp reads back every log in its directory. */
  private Sipp sipp(String name) throws Exception {
    return Sipp.in(Files.createDirectories(work.resolve(name + "-" + System.nanoTime())));
  }

  /** {@code future}'s value, or a failure that shows what the phone saw. */
  private static <T> T within(
      CompletableFuture<T> future, int seconds, CompletableFuture<Sipp.Result> phone)
      throws Exception {
    try {
      return future.get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "nothing within " + seconds + " s\n" + phone.get(60, TimeUnit.SECONDS).describe(), e);
    }
  }

  private void registerAlice(int port) throws Exception {
    Sipp.Result r =
        register("phone-register.xml", "alice", PhoneTestServer.PASSWORDS.get("alice"), port);
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(tawag.phones().isRegistered("alice"), "alice is registered");
  }

  private OutboundCall dialAlice(Duration ringTimeout) throws Exception {
    return tawag
        .sip()
        .outbound()
        .dialPhone(new PhoneDial("alice", Optional.of("5550100"), ringTimeout))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void registeredPhoneAnswersAndTawagHangsUp() throws Exception {
    int port = FreePorts.udpAndTcp();
    registerAlice(port);
    CompletableFuture<Sipp.Result> phone = phone("phone-answer.xml", "alice", port);
    OutboundCall call = dialAlice(Duration.ofSeconds(20));
    assertEquals("phone:alice", call.trunk());
    assertEquals("alice", call.dialledNumber());
    DialResult result = call.result().get(20, TimeUnit.SECONDS);
    if (!(result instanceof DialResult.Answered)) {
      throw new AssertionError(
          "not answered: " + result + "\n" + phone.get(60, TimeUnit.SECONDS).describe());
    }
    call.hangUp(EndReason.LOCAL_HANGUP);
    assertEquals(EndReason.LOCAL_HANGUP, call.ended().get(10, TimeUnit.SECONDS));
    Sipp.Result r = phone.get(60, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(
        r.messages().contains("From: \"5550100\" <sip:5550100@127.0.0.1>"),
        "the phone shows the caller's number\n" + r.messages());
    assertFalse(r.messages().contains("Authorization"), "no digest towards phones");
  }

  @Test
  void phoneHangsUpAfterTwoSeconds() throws Exception {
    int port = FreePorts.udpAndTcp();
    registerAlice(port);
    CompletableFuture<Sipp.Result> phone = phone("phone-answer-hangs-up.xml", "alice", port);
    OutboundCall call = dialAlice(Duration.ofSeconds(20));
    DialResult result = within(call.result(), 20, phone);
    assertInstanceOf(DialResult.Answered.class, result, () -> result.toString());
    assertEquals(EndReason.REMOTE_HANGUP, within(call.ended(), 15, phone));
    Sipp.Result r = phone.get(60, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
  }

  @Test
  void phoneThatNeverAnswersIsCancelledAsNoAnswer() throws Exception {
    int port = FreePorts.udpAndTcp();
    registerAlice(port);
    CompletableFuture<Sipp.Result> phone = phone("uas-ring-forever.xml", "alice", port);
    OutboundCall call = dialAlice(Duration.ofSeconds(2));
    DialResult result = within(call.result(), 20, phone);
    assertEquals(
        new DialResult.Failed(DialResult.Cause.NO_ANSWER, 487, "No answer within PT2S"), result);
    Sipp.Result r = phone.get(60, TimeUnit.SECONDS);
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(
        r.messages().contains("CANCEL sip:alice@127.0.0.2:9"),
        "Tawag sent CANCEL\n" + r.describe());
  }

  @Test
  void wrongPasswordIsRefusedAndBindsNothing() throws Exception {
    Sipp.Result r =
        register("phone-register-refused.xml", "bob", "not-bobs-password", FreePorts.udpAndTcp());
    assertEquals(0, r.exitCode(), "401 then 403\n" + r.describe());
    assertFalse(tawag.phones().isRegistered("bob"));
  }

  @Test
  void dialingAnUnregisteredUserFailsAtOnceWithNotFound() throws Exception {
    CompletableFuture<OutboundCall> placed =
        tawag
            .sip()
            .outbound()
            .dialPhone(new PhoneDial("nobody", Optional.empty(), Duration.ofSeconds(5)));
    assertTrue(placed.isCompletedExceptionally(), "fails at once");
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, placed::get);
    DialException cause = assertInstanceOf(DialException.class, e.getCause());
    assertEquals(DialResult.Cause.NOT_FOUND, cause.dialCause());
    assertTrue(cause.getMessage().contains("not registered"), cause.getMessage());
  }
}
