package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.testing.AgentClient;
import org.tawag.testing.CallRows;
import org.tawag.testing.HttpSession;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagServerExtension;
import org.tawag.testing.TawagTestServer;

/**
 * Least access with a real call: an operator reads the caller's customer while connected to the
 * call (the live queue service answers) and just after it (the call record answers), never before,
 * and another operator never. SIPp is the trunk caller (+15550100 to 800, the demo support queue).
 */
class OperatorCallerAccessIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PASSWORD = "operator-pass-1";

  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  @TempDir Path work;

  @Test
  void anOperatorReadsTheCallersCustomerDuringAndJustAfterTheCallOnly() throws Exception {
    TawagTestServer tawag = server.get();
    int port = tawag.server().httpPort();
    HttpSession admin = HttpSession.login(port, "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser("alice", PASSWORD, "operator");
    admin.createUser("bob", PASSWORD, "operator");
    long id =
        new JsonObject(
                admin
                    .send(
                        "POST",
                        "/api/customers",
                        new JsonObject().put("fullName", "Trunk Caller").put("phone", "+15550100"))
                    .body())
            .getLong("id");
    String path = "/api/customers/" + id;
    HttpSession aliceHttp = HttpSession.login(port, "alice", PASSWORD);
    HttpSession bobHttp = HttpSession.login(port, "bob", PASSWORD);
    assertEquals(403, aliceHttp.get(path).statusCode(), "before the call");

    try (AgentClient alice = AgentClient.connect(port, aliceHttp.cookie())) {
      alice.await("welcome", WAIT);
      alice.awaitState("not_ready", WAIT);
      alice.send("ready");
      alice.awaitState("available", WAIT);
      CompletableFuture<Sipp.Result> sipp =
          CompletableFuture.supplyAsync(
              () -> tawag.call(work, "uac-server-hangs-up.xml", "800", List.of()));
      String callId = alice.await("offer", WAIT).getString("callId");
      alice.send("answer", "callId", callId);
      alice.await("connected", WAIT);

      assertEquals(200, aliceHttp.get(path).statusCode(), "during the call");
      assertEquals(200, aliceHttp.get(path + "/history").statusCode(), "during the call");
      assertEquals(403, bobHttp.get(path).statusCode(), "another operator");

      alice.send("hangup", "callId", callId);
      alice.await("ended", WAIT);
      Sipp.Result r = sipp.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.describe());
      new CallRows(tawag).finishedCall(WAIT, callId, false);

      assertEquals(200, aliceHttp.get(path).statusCode(), "just after the call");
      assertEquals(403, bobHttp.get(path).statusCode(), "another operator");
      alice.send("wrapup", "callId", callId, "disposition", "information_only");
      alice.awaitState("available", WAIT);
    }
  }
}
