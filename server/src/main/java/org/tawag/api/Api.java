package org.tawag.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.tawag.auth.Authz;
import org.tawag.auth.Role;
import org.tawag.orders.CustomerStore;
import org.tawag.orders.OrderSettings;
import org.tawag.orders.OrderStore;

/**
 * What every {@code /api} route class shares: the stores, the role checks, the audit log, the
 * operators' least-access check, and the step that continues a store future on the request's
 * context (or answers its failure).
 */
record Api(
    Authz authz,
    OrderStore orders,
    CustomerStore customers,
    JdbcCallReader calls,
    AuditLog audit,
    CallerAccess callers,
    OrderSettings settings,
    Clock clock) {

  /** Supervisors and admins see every customer; operators only their callers. */
  static final Role[] CUSTOMER_READERS = {Role.SUPERVISOR, Role.ADMIN, Role.OPERATOR};

  /** Supervisors and admins change customers and orders, list and export them. */
  static final Role[] MANAGERS = {Role.SUPERVISOR, Role.ADMIN};

  /** Runs {@code then} with the result on the request's context, or answers the failure. */
  static <T> void await(RoutingContext ctx, CompletableFuture<T> future, Consumer<T> then) {
    Future.fromCompletionStage(future, Vertx.currentContext())
        .onSuccess(
            v -> {
              try {
                then.accept(v);
              } catch (RuntimeException e) {
                Replies.failure(ctx, e);
              }
            })
        .onFailure(e -> Replies.failure(ctx, e));
  }

  /** The logged-in user's name. */
  static String user(RoutingContext ctx) {
    return Authz.session(ctx).username();
  }

  /**
   * Runs {@code then} when the session may read the customer with {@code phone}: any supervisor or
   * admin, an operator only for the caller of their current or just-ended call (else 403).
   */
  void checkReader(RoutingContext ctx, String phone, Runnable then) {
    if (Authz.session(ctx).hasAny(EnumSet.of(Role.SUPERVISOR, Role.ADMIN))) {
      then.run();
      return;
    }
    await(
        ctx,
        callers.isCallerOf(user(ctx), phone),
        allowed -> {
          if (allowed) {
            then.run();
          } else {
            Replies.forbidden(ctx);
          }
        });
  }

  /** Writes the audit entry, then runs {@code then}; a failed write answers 500 or 503 instead. */
  void audited(RoutingContext ctx, String action, String subject, String detail, Runnable then) {
    await(ctx, audit.record(user(ctx), action, subject, detail), v -> then.run());
  }
}
