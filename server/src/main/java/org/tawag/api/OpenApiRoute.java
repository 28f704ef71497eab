package org.tawag.api;

import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/openapi.json} (any logged-in user): the OpenAPI 3 document of the API, one
 * resource file ({@code org/tawag/api/openapi.json}) that OpenApiIT checks against the mounted
 * routes, so the two cannot drift apart.
 */
final class OpenApiRoute {
  /** Where the document lives on the classpath. */
  static final String RESOURCE = "/org/tawag/api/openapi.json";

  private final Api api;
  private final String document;

  OpenApiRoute(Api api) {
    this.api = api;
    this.document = load();
  }

  static String load() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mount(Router router) {
    router
        .get("/api/openapi.json")
        .handler(api.authz().authenticated())
        .handler(ctx -> Replies.send(ctx, 200, document));
  }
}
