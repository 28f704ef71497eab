package org.tawag.api;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code ?limit=&offset=} of a listing: limit 1 to {@link #MAX_LIMIT} (default {@link
 * #DEFAULT_LIMIT}), offset 0 or more (default 0). A bad value is answered 400 naming the parameter.
 */
record Paging(int limit, int offset) {
  /** Items per page when the client gives no limit. */
  static final int DEFAULT_LIMIT = 50;

  /** Most items one page holds. */
  static final int MAX_LIMIT = 500;

  /** The paging of {@code ctx}, or {@code null} after answering 400 itself. */
  static Paging of(RoutingContext ctx) {
    Integer limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    if (limit == null) {
      return null;
    }
    Integer offset = QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    return offset == null ? null : new Paging(limit, offset);
  }
}
