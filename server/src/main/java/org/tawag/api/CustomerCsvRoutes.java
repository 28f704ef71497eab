package org.tawag.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.orders.Customer;
import org.tawag.orders.CustomerDraft;
import org.tawag.orders.CustomerImport;
import org.tawag.orders.ImportReport;
import org.tawag.orders.Page;

/**
 * Customer CSV import and export (supervisors and admins).
 *
 * <p>{@code POST /api/customers/import} takes {@code text/csv} with a header naming the columns
 * {@code fullName} and {@code phone} (any order; other columns ignored). The body is read as it
 * arrives: rows are checked one by one ({@link CustomerImport}) and stored in batches of {@link
 * #BATCH}, the request paused while a batch is written, so a large file never sits in memory. The
 * answer counts rows read, created, updated, unchanged and rejected, and lists rejected rows by
 * line and field. Duplicate rule: a phone already stored updates that customer's name; a phone an
 * earlier line of the same file had rejects the later line.
 *
 * <p>{@code GET /api/customers/export} writes every customer (or those matching {@code q}) as CSV
 * {@code id,fullName,phone,createdAt,updatedAt}, page by page; audited as {@code customer.export}
 * before the first byte.
 */
final class CustomerCsvRoutes {
  /** Rows stored per transaction. */
  static final int BATCH = 500;

  /** Largest body accepted. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Most bytes of a refused upload read and dropped before the connection is closed. */
  static final long DRAIN_LIMIT = 1024 * 1024;

  private static final int EXPORT_PAGE = 500;
  private static final Logger log = LoggerFactory.getLogger(CustomerCsvRoutes.class);

  private final Api api;

  CustomerCsvRoutes(Api api) {
    this.api = api;
  }

  void mount(Router router) {
    router
        .post("/api/customers/import")
        .handler(CustomerCsvRoutes::drainUnreadBody)
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::importCsv);
    router
        .get("/api/customers/export")
        .handler(api.authz().require(Api.MANAGERS))
        .handler(this::export);
  }

  /**
   * A refused or failed import answers before reading the body; an HTTP/1.1 connection then reads
   * no further request until this one's body is consumed. So the rest is read and dropped, up to
   * {@link #DRAIN_LIMIT} bytes, past which the connection is closed instead.
   */
  private static void drainUnreadBody(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    ctx.response()
        .endHandler(
            v -> {
              if (request.isEnded()) {
                return;
              }
              long[] dropped = {0};
              request.handler(
                  b -> {
                    dropped[0] += b.length();
                    if (dropped[0] > DRAIN_LIMIT) {
                      request.connection().close();
                    }
                  });
              request.endHandler(end -> {});
              request.resume();
            });
    ctx.next();
  }

  private void importCsv(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
      Replies.send(ctx, 415, new JsonObject().put("error", "Content-Type must be text/csv"));
      return;
    }
    new Upload(ctx).start();
  }

  /** One import in progress: runs on the request's context only. */
  private final class Upload {
    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final CsvParser parser = new CsvParser();
    private final CustomerImport rows = new CustomerImport(api.settings());
    private List<CustomerDraft.Valid> batch = new ArrayList<>();
    private int nameColumn = -1;
    private int phoneColumn = -1;
    private int columns;
    private boolean header = true;
    private long bytes;
    private boolean failed;
    private boolean ended;
    private boolean storing;
    private boolean finished;

    Upload(RoutingContext ctx) {
      this.ctx = ctx;
      this.request = ctx.request();
    }

    void start() {
      request.handler(this::chunk);
      request.endHandler(v -> end());
      request.exceptionHandler(e -> fail(400, "body", "could not be read"));
      request.resume();
    }

    private void chunk(Buffer b) {
      if (failed) {
        return;
      }
      bytes += b.length();
      if (bytes > MAX_BYTES) {
        fail(413, "body", "must be at most " + MAX_BYTES + " bytes");
        return;
      }
      try {
        parser.feed(b.getBytes()).forEach(this::row);
      } catch (IllegalArgumentException e) {
        fail(400, "body", e.getMessage());
        return;
      }
      if (batch.size() >= BATCH) {
        flush();
      }
    }

    private void row(CsvParser.Row r) {
      if (failed) {
        return;
      }
      if (header) {
        header = false;
        columns = r.fields().size();
        for (int i = 0; i < columns; i++) {
          String h = r.fields().get(i).strip().toLowerCase(Locale.ROOT);
          if (h.equals("fullname") || h.equals("full_name") || h.equals("name")) {
            nameColumn = i;
          } else if (h.equals("phone")) {
            phoneColumn = i;
          }
        }
        if (nameColumn < 0 || phoneColumn < 0) {
          fail(400, "header", "must name the columns fullName and phone");
        }
        return;
      }
      if (r.fields().size() != columns) {
        rows.rejectRow(r.line(), "has " + r.fields().size() + " columns, the header " + columns);
        return;
      }
      rows.accept(r.line(), r.fields().get(nameColumn), r.fields().get(phoneColumn))
          .ifPresent(batch::add);
    }

    private void flush() {
      List<CustomerDraft.Valid> toStore = batch;
      batch = new ArrayList<>();
      storing = true;
      if (!ended) {
        request.pause();
      }
      Api.await(
          ctx,
          api.customers().upsertAll(toStore),
          outcomes -> {
            outcomes.forEach(rows::stored);
            storing = false;
            if (ended) {
              end();
            } else {
              request.resume();
            }
          });
    }

    private void end() {
      ended = true;
      if (failed || storing) {
        return;
      }
      if (!finished) {
        finished = true;
        try {
          parser.finish().forEach(this::row);
        } catch (IllegalArgumentException e) {
          fail(400, "body", e.getMessage());
          return;
        }
        if (failed) {
          return;
        }
        if (header) {
          fail(400, "header", "is missing: the body is empty");
          return;
        }
      }
      if (!batch.isEmpty()) {
        flush();
        return;
      }
      ImportReport report = rows.report();
      String detail =
          "read "
              + report.rowsRead()
              + ", created "
              + report.createdCount()
              + ", updated "
              + report.updatedCount()
              + ", rejected "
              + report.rejectedCount();
      api.audited(ctx, "customer.import", "customers", detail, () -> reply(report));
    }

    private void reply(ImportReport report) {
      JsonArray errors = new JsonArray();
      for (ImportReport.RowError e : report.errors()) {
        errors.add(
            new JsonObject()
                .put("line", e.line())
                .put("field", e.field())
                .put("message", e.message()));
      }
      Replies.send(
          ctx,
          200,
          new JsonObject()
              .put("read", report.rowsRead())
              .put("created", report.createdCount())
              .put("updated", report.updatedCount())
              .put("unchanged", report.unchangedCount())
              .put("rejected", report.rejectedCount())
              .put("errors", errors));
    }

    private void fail(int status, String field, String message) {
      if (failed) {
        return;
      }
      failed = true;
      // Rows already stored stay stored: the import is idempotent by phone, so sending the
      // corrected file again is safe.
      Replies.send(
          ctx,
          status,
          new JsonObject()
              .put("errors", new JsonObject().put(field, message))
              .put("created", rows.report().createdCount())
              .put("updated", rows.report().updatedCount()));
    }
  }

  private void export(RoutingContext ctx) {
    Optional<String> q = QueryParams.single(ctx, "q");
    if (q == null) {
      return;
    }
    api.audited(
        ctx,
        "customer.export",
        "customers",
        "q " + (q.isPresent() ? "given" : "none"),
        () -> {
          HttpServerResponse r = ctx.response();
          r.setChunked(true)
              .putHeader("Content-Type", "text/csv; charset=utf-8")
              .putHeader("Content-Disposition", "attachment; filename=\"customers.csv\"")
              .putHeader("Cache-Control", "no-store");
          r.write("id,fullName,phone,createdAt,updatedAt\r\n");
          exportPage(ctx, q.orElse(null), 0);
        });
  }

  private void exportPage(RoutingContext ctx, String q, int offset) {
    HttpServerResponse r = ctx.response();
    Future.fromCompletionStage(
            api.customers().search(q, EXPORT_PAGE, offset), Vertx.currentContext())
        .onComplete(
            ar -> {
              if (ar.failed()) {
                // The 200 and part of the file are out: only cutting the connection tells the
                // client the file is incomplete.
                log.warn("customer export failed at offset {}: {}", offset, ar.cause().toString());
                r.reset();
                return;
              }
              Page<Customer> page = ar.result();
              StringBuilder out = new StringBuilder();
              page.items().forEach(c -> out.append(csvLine(c)));
              r.write(out.toString());
              int next = offset + page.items().size();
              if (page.items().size() < EXPORT_PAGE || next >= page.total()) {
                r.end();
              } else if (r.writeQueueFull()) {
                r.drainHandler(v -> exportPage(ctx, q, next));
              } else {
                exportPage(ctx, q, next);
              }
            });
  }

  static String csvLine(Customer c) {
    return c.id()
        + ","
        + csv(c.fullName())
        + ","
        + csv(c.phone())
        + ","
        + c.createdAt()
        + ","
        + c.updatedAt()
        + "\r\n";
  }

  /** A field quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised. */
  static String csv(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("\\+\\d+")) {
      // Spreadsheets run such cells as formulas (CSV injection); a quote keeps them text.
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
