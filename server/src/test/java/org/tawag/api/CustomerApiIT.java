package org.tawag.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tawag.testing.TawagServerExtension;

/**
 * Customers through the API on a real server and database: CSV import with bad rows, search and
 * pages, field errors, the audit rows, export, history, and operators' least access.
 */
class CustomerApiIT {
  @RegisterExtension static final TawagServerExtension server = new TawagServerExtension();

  static ApiFixture f;

  @BeforeAll
  static void users() throws Exception {
    f = ApiFixture.on(server.get(), "c-");
  }

  private static JsonObject json(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  @Test
  void csvImportReportsBadRowsByLineAndFieldAndMergesKnownPhones() throws Exception {
    long known = f.customer("Old Name", "+15550200009");
    long importsBefore = f.audits("customer.import", "customers");
    String csv =
        "phone,fullName,note\n"
            + "+1 555 020 0001,Ada Lovelace,vip\n"
            + "not a phone,Bad Phone,\n"
            + "+15550200003,,\n"
            + "001 555 020 0001,Ada Twice,\n"
            + "+15550200009,New Name,\n"
            + "+15550200004,Too,many,columns\n"
            + "\"+15550200005\",\"Quoted, Name\",\n";
    JsonObject report =
        json(f.supervisor.send("POST", "/api/customers/import", "text/csv", csv), 200);

    assertEquals(7, report.getLong("read"));
    assertEquals(2, report.getLong("created"));
    assertEquals(1, report.getLong("updated"));
    assertEquals(4, report.getLong("rejected"));
    JsonArray errors = report.getJsonArray("errors");
    assertEquals(
        List.of("3 phone", "4 fullName", "5 phone", "7 row"),
        errors.stream()
            .map(o -> (JsonObject) o)
            .map(e -> e.getLong("line") + " " + e.getString("field"))
            .toList());
    assertEquals("duplicates the phone of line 2", errors.getJsonObject(2).getString("message"));
    assertEquals(
        "New Name",
        f.rows().one("SELECT full_name FROM customers WHERE id = ?", known).get("full_name"));
    assertEquals(
        "Quoted, Name",
        f.rows()
            .one("SELECT full_name FROM customers WHERE phone = ?", "+15550200005")
            .get("full_name"));
    assertEquals(importsBefore + 1, f.audits("customer.import", "customers"));
  }

  @Test
  void aLargeFileIsStoredInSeveralBatches() throws Exception {
    StringBuilder csv = new StringBuilder("fullName,phone\r\n");
    int rows = 3 * CustomerCsvRoutes.BATCH + 17;
    for (int i = 0; i < rows; i++) {
      csv.append("Bulk ").append(i).append(",+1555080").append(String.format("%04d", i));
      csv.append("\r\n");
    }
    csv.append("Bulk again,+15550800042\r\n");
    JsonObject report =
        json(f.admin.send("POST", "/api/customers/import", "text/csv", csv.toString()), 200);
    assertEquals(rows + 1, report.getLong("read"));
    assertEquals(rows, report.getLong("created"));
    assertEquals(1, report.getLong("rejected"));
    assertEquals(rows + 2, report.getJsonArray("errors").getJsonObject(0).getLong("line"));
    assertEquals(
        (long) rows,
        ((Number)
                f.rows()
                    .one("SELECT COUNT(*) AS n FROM customers WHERE full_name LIKE 'Bulk %'")
                    .get("n"))
            .longValue());
  }

  @Test
  void importRefusesAFileWithoutTheColumnsAndOtherContentTypes() throws Exception {
    JsonObject bad =
        json(f.admin.send("POST", "/api/customers/import", "text/csv", "name;phone\nx;1\n"), 400);
    assertEquals(
        "must name the columns fullName and phone",
        bad.getJsonObject("errors").getString("header"));
    assertEquals(
        415, f.admin.send("POST", "/api/customers/import", "application/json", "{}").statusCode());
  }

  @Test
  void searchPagesAndNamesBadParameters() throws Exception {
    for (int i = 0; i < 5; i++) {
      f.customer("Pager Person " + i, "+1555030000" + i);
    }
    JsonObject page = json(f.supervisor.get("/api/customers?q=pager+person&limit=2&offset=2"), 200);
    assertEquals(5, page.getLong("total"));
    assertEquals(2, page.getInteger("limit"));
    assertEquals(2, page.getInteger("offset"));
    assertEquals(
        List.of("Pager Person 2", "Pager Person 3"),
        page.getJsonArray("items").stream()
            .map(o -> ((JsonObject) o).getString("fullName"))
            .toList());
    JsonObject byPhone = json(f.supervisor.get("/api/customers?q=555-030-0004"), 200);
    assertEquals(1, byPhone.getLong("total"));

    assertEquals(
        "must be a whole number from 1 to 500",
        json(f.supervisor.get("/api/customers?limit=0"), 400)
            .getJsonObject("errors")
            .getString("limit"));
    assertTrue(
        json(f.supervisor.get("/api/customers?offset=-1"), 400)
            .getJsonObject("errors")
            .containsKey("offset"));
    assertTrue(
        json(f.supervisor.get("/api/customers?limit=9&limit=10"), 400)
            .getJsonObject("errors")
            .containsKey("limit"));
  }

  @Test
  void fieldErrorsNameTheFieldAndAKnownPhoneIsAConflict() throws Exception {
    JsonObject errors =
        json(
                f.supervisor.send(
                    "POST",
                    "/api/customers",
                    new JsonObject().put("fullName", " ").put("phone", "12")),
                400)
            .getJsonObject("errors");
    assertEquals("is required", errors.getString("fullName"));
    assertTrue(errors.getString("phone").startsWith("must be a phone number"));
    assertEquals(
        "must be text",
        json(
                f.supervisor.send(
                    "POST",
                    "/api/customers",
                    new JsonObject().put("fullName", 7).put("phone", "+15550400001")),
                400)
            .getJsonObject("errors")
            .getString("fullName"));

    long id = f.customer("First Owner", "+15550400002");
    JsonObject conflict =
        json(
            f.supervisor.send(
                "POST",
                "/api/customers",
                new JsonObject().put("fullName", "Second").put("phone", "0015550400002")),
            409);
    assertEquals(id, conflict.getLong("customerId"));
    assertEquals(
        404,
        f.supervisor
            .send(
                "PUT",
                "/api/customers/999999",
                new JsonObject().put("fullName", "X").put("phone", "+15550400003"))
            .statusCode());
    assertEquals(400, f.supervisor.get("/api/customers/abc").statusCode());
  }

  @Test
  void readsAndExportsAreAuditedAndAdminsSeeTheLog() throws Exception {
    long id = f.customer("Audited Person", "+15550500001");
    json(f.supervisor.get("/api/customers/" + id), 200);
    json(f.admin.get("/api/customers/" + id + "/history"), 200);
    HttpResponse<String> export = f.admin.get("/api/customers/export?q=Audited");
    assertEquals(200, export.statusCode());
    assertTrue(export.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    String[] lines = export.body().split("\r\n");
    assertEquals("id,fullName,phone,createdAt,updatedAt", lines[0]);
    assertEquals(2, lines.length, export.body());
    assertTrue(lines[1].startsWith(id + ",Audited Person,+15550500001,"), lines[1]);

    assertEquals(1, f.audits("customer.read", "customer:" + id));
    assertEquals(1, f.audits("customer.history", "customer:" + id));
    assertTrue(f.audits("customer.export", "customers") >= 1);
    JsonObject log = json(f.admin.get("/api/audit?subject=customer:" + id), 200);
    assertEquals(2, log.getLong("total"));
    JsonObject newest = log.getJsonArray("items").getJsonObject(0);
    assertEquals("admin", newest.getString("username"));
    assertEquals("customer.history", newest.getString("action"));
  }

  @Test
  void anOperatorReadsOnlyTheCustomerOfTheirRecentCall() throws Exception {
    long mine = f.customer("My Caller", "+15550600001");
    long other = f.customer("Not My Caller", "+15550600002");
    long old = f.customer("Old Caller", "+15550600003");
    // The trunk sent the number without its +; the call ended a minute ago.
    f.call("c-op-1", "15550600001", "c-olga", Instant.now().minusSeconds(60), null, null);
    f.call("c-op-2", "+15550600003", "c-olga", Instant.now().minusSeconds(3600), null, null);
    f.call(
        "c-op-3",
        "+15550600002",
        "c-sue",
        Instant.now().minusSeconds(60),
        null,
        "refused:bad_time");

    assertEquals(
        "My Caller", json(f.operator.get("/api/customers/" + mine), 200).getString("fullName"));
    assertEquals(200, f.operator.get("/api/customers/" + mine + "/history").statusCode());
    assertEquals(403, f.operator.get("/api/customers/" + other).statusCode());
    assertEquals(403, f.operator.get("/api/customers/" + old).statusCode());
    assertEquals(403, f.operator.get("/api/customers?q=My").statusCode());
    assertEquals(1, f.audits("customer.read", "customer:" + mine));
    assertEquals(0, f.audits("customer.read", "customer:" + other));

    JsonObject history = json(f.supervisor.get("/api/customers/" + other + "/history"), 200);
    JsonObject refusal = history.getJsonArray("refusals").getJsonObject(0);
    assertEquals("refused", refusal.getString("dispositionKind"));
    assertEquals("bad_time", refusal.getString("refusalReason"));
    assertEquals(1, history.getJsonArray("offers").size());
  }
}
