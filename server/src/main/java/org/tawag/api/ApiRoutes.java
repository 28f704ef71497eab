package org.tawag.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.tawag.auth.Authz;
import org.tawag.db.Database;
import org.tawag.db.JdbcWorkers;
import org.tawag.orders.CustomerStore;
import org.tawag.orders.OrderSettings;
import org.tawag.orders.OrderStore;

/**
 * The REST API under {@code /api} for customers, orders, calls, catalogues and the audit log (see
 * docs/api.md for every route and its roles). Every route checks a role first ({@link Authz}):
 * anonymous 401, a wrong role 403.
 */
public final class ApiRoutes {
  /** Largest JSON body. */
  private static final long BODY_LIMIT = 64 * 1024;

  private final Api api;

  /** Routes over the store's database; operators' reads are limited by {@code callers}. */
  public ApiRoutes(
      Authz authz,
      OrderStore orders,
      CustomerStore customers,
      Database database,
      JdbcWorkers workers,
      CallerAccess callers,
      OrderSettings settings,
      Clock clock) {
    this.api =
        new Api(
            authz,
            orders,
            customers,
            new JdbcCallReader(database, workers),
            new JdbcAuditLog(database, workers, clock),
            callers,
            settings,
            clock);
  }

  /** Adds every route to {@code router}; the CSV routes before {@code /api/customers/:id}. */
  public void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    new CustomerCsvRoutes(api).mount(router);
    new CustomerRoutes(api).mount(router, body);
    new OrderRoutes(api).mount(router, body);
    new CallRoutes(api).mount(router);
    new CatalogueRoutes(api).mount(router);
    new AuditRoutes(api).mount(router);
    new OpenApiRoute(api).mount(router);
  }
}
