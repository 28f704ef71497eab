package org.tawag.api;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import org.tawag.testing.CallRows;
import org.tawag.testing.HttpSession;
import org.tawag.testing.TawagTestServer;

/** Users and rows the API tests share: an admin, a supervisor, an operator, and helpers. */
final class ApiFixture {
  static final String PASSWORD = "api-test-pass-1";

  final TawagTestServer server;
  final HttpSession admin;
  final HttpSession supervisor;
  final HttpSession operator;

  private ApiFixture(TawagTestServer server, String prefix) throws Exception {
    this.server = server;
    int port = server.server().httpPort();
    admin = HttpSession.login(port, "admin", TawagTestServer.ADMIN_PASSWORD);
    admin.createUser(prefix + "sue", PASSWORD, "supervisor");
    admin.createUser(prefix + "olga", PASSWORD, "operator");
    supervisor = HttpSession.login(port, prefix + "sue", PASSWORD);
    operator = HttpSession.login(port, prefix + "olga", PASSWORD);
  }

  /** Logs in an admin and creates a supervisor and an operator named with {@code prefix}. */
  static ApiFixture on(TawagTestServer server, String prefix) throws Exception {
    return new ApiFixture(server, prefix);
  }

  int port() {
    return server.server().httpPort();
  }

  CallRows rows() {
    return new CallRows(server);
  }

  /** Creates a customer as the supervisor; fails unless 201. */
  long customer(String name, String phone) throws Exception {
    HttpResponse<String> r =
        supervisor.send(
            "POST", "/api/customers", new JsonObject().put("fullName", name).put("phone", phone));
    if (r.statusCode() != 201) {
      throw new AssertionError("create customer: " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body()).getLong("id");
  }

  /** A finished inbound call from {@code caller} handled by {@code agent}, ended at {@code end}. */
  void call(String id, String caller, String agent, Instant end, String orderId, String disposition)
      throws Exception {
    rows()
        .update(
            "INSERT INTO calls (id, direction, caller, queue, agent, arrived_at, ended_at, outcome,"
                + " order_id, disposition) VALUES (?, 'in', ?, 'support', ?, ?, ?,"
                + " 'completed_by_caller', ?, ?)",
            id,
            caller,
            agent,
            end.minusSeconds(60).atOffset(ZoneOffset.UTC),
            end.atOffset(ZoneOffset.UTC),
            orderId,
            disposition);
  }

  /** The number of audit rows of {@code action} on {@code subject}. */
  long audits(String action, String subject) throws Exception {
    return ((Number)
            rows()
                .one(
                    "SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND subject = ?",
                    action,
                    subject)
                .get("n"))
        .longValue();
  }
}
