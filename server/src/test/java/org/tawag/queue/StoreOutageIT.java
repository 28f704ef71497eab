package org.tawag.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tawag.db.TestPostgres;
import org.tawag.testing.FreePorts;
import org.tawag.testing.Sipp;
import org.tawag.testing.TawagTestServer;
import org.tawag.testing.TcpCutter;

/**
 * The store on PostgreSQL goes away while calls end, and comes back: every call record arrives
 * exactly once, with its queue events, and the calls themselves never noticed. PostgreSQL is made
 * unreachable by cutting a TCP forwarder between Tawag and it.
 */
class StoreOutageIT {
  private static final int CALLS = 4;

  @TempDir Path dir;

  @Test
  void callRecordsWrittenDuringAnOutageArriveOnceWhenTheDatabaseReturns() throws Exception {
    TestPostgres.require();
    String schema = TestPostgres.createSchema();
    try (TcpCutter link = new TcpCutter("127.0.0.1", pgPort())) {
      String url =
          "jdbc:postgresql://127.0.0.1:"
              + link.port()
              + "/"
              + pgDatabase()
              + "?currentSchema="
              + schema
              + "&connectTimeout=2&socketTimeout=5";
      Map<String, String> env = new HashMap<>();
      env.put("TAWAG_DATABASE_URL", url);
      env.put("TAWAG_DATABASE_USER", TestPostgres.user());
      try (TawagTestServer tawag = TawagTestServer.start(dir, env)) {
        link.cut();

        // Callers wait in the support queue (nobody is logged in) and hang up: abandoned calls.
        List<String> callIds = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          Path work = Files.createDirectories(dir.resolve("sipp-" + i));
          Sipp.Result r =
              Sipp.in(work)
                  .run(
                      "uac-echo.xml",
                      "127.0.0.1:" + tawag.sipPort(),
                      List.of(
                          "-s",
                          "800",
                          "-i",
                          "127.0.0.1",
                          "-p",
                          String.valueOf(FreePorts.udpAndTcp()),
                          "-mp",
                          String.valueOf(tawag.sippMediaPort()),
                          "-key",
                          "rtp_port",
                          "9",
                          "-d",
                          "500"),
                      30);
          assertEquals(0, r.exitCode(), "calls go on while the database is away: " + r.describe());
        }
        // The records could not be written: they wait in the spool on disk.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tawag.server().store().callLog().queued() > 0) {
          assertTrue(System.nanoTime() < deadline, "records never left the memory queue");
          Thread.sleep(100);
        }
        assertTrue(
            Files.size(tawag.server().store().callLog().spoolFile()) > 0,
            "the records wait in the spool file");
        assertEquals(0, countCalls(schema), "nothing reached the database while it was cut");

        link.restore();
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (countCalls(schema) < CALLS) {
          assertTrue(System.nanoTime() < deadline, "records never arrived: " + countCalls(schema));
          Thread.sleep(200);
        }
        tawag.server().store().callLog().flush().get();
        assertEquals(CALLS, countCalls(schema), "each record exactly once");
        assertEquals(
            CALLS, countRows(schema, "SELECT count(*) FROM calls WHERE outcome = 'abandoned'"));
        assertEquals(
            0,
            countRows(
                schema,
                "SELECT count(*) FROM (SELECT call_id, kind FROM call_events"
                    + " GROUP BY call_id, kind HAVING count(*) > 1) d"),
            "no queue event twice");
        assertEquals(
            CALLS * 3,
            countRows(schema, "SELECT count(*) FROM call_events"),
            "entered, abandoned and ended for each call");
        assertEquals(0, tawag.server().store().callLog().dropped());
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  private static int pgPort() {
    String url = TestPostgres.url();
    String hostPort = url.substring("jdbc:postgresql://".length()).split("/")[0];
    return hostPort.contains(":") ? Integer.parseInt(hostPort.split(":")[1]) : 5432;
  }

  private static String pgDatabase() {
    String rest = TestPostgres.url().substring("jdbc:postgresql://".length());
    return rest.substring(rest.indexOf('/') + 1).split("\\?")[0];
  }

  private static int countCalls(String schema) throws Exception {
    return countRows(schema, "SELECT count(*) FROM calls");
  }

  private static int countRows(String schema, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(TestPostgres.urlFor(schema), TestPostgres.user(), "");
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
