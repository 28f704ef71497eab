package org.tawag.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a request's {@code Origin} may act with the session cookie: the server's own
 * {@code scheme://host[:port]} (from the request itself) or one of the configured origins. This
 * stops another site's page from opening the agent WebSocket or posting to the API in an operator's
 * browser (cross-site WebSocket hijacking, CSRF).
 */
public final class OriginCheck {
  private final Set<String> allowed;

  /**
   * A check that also accepts {@code allowedOrigins}, each {@code scheme://host[:port]}.
   *
   * @throws IllegalArgumentException naming an entry that is no origin
   */
  public OriginCheck(List<String> allowedOrigins) {
    this.allowed =
        allowedOrigins.stream()
            .map(
                o ->
                    parse(o).orElseThrow(() -> new IllegalArgumentException("not an origin: " + o)))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The check of {@code settings}' allowed origins. */
  public static OriginCheck of(AuthSettings settings) {
    return new OriginCheck(settings.allowedOrigins());
  }

  /**
   * Whether {@code request} carries an acceptable {@code Origin}; a missing one is refused. Use it
   * before accepting a WebSocket upgrade, which browsers always send with an Origin.
   */
  public boolean allowed(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin != null && matches(origin, request.scheme(), request.authority());
  }

  /**
   * Whether {@code request} has no {@code Origin} or an acceptable one. For ordinary API requests:
   * browsers send Origin on every cross-site POST, while scripts and same-origin GETs may omit it.
   */
  public boolean allowedIfPresent(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin == null || matches(origin, request.scheme(), request.authority());
  }

  /** Whether {@code origin} is the server's own (by scheme and Host) or an allowed one. */
  boolean matches(String origin, String scheme, HostAndPort authority) {
    Optional<String> parsed = parse(origin);
    if (parsed.isEmpty()) {
      return false;
    }
    if (allowed.contains(parsed.get())) {
      return true;
    }
    if (scheme == null || authority == null) {
      return false;
    }
    return parsed.equals(normalize(scheme, authority.host(), authority.port()));
  }

  /**
   * {@code origin} as {@code scheme://host:port} with lower-case scheme and host and an explicit
   * port; empty when it is not an http(s) origin (for example {@code "null"} or one with a path).
   */
  static Optional<String> parse(String origin) {
    if (origin == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(origin.trim());
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if (!bare || uri.getHost() == null) {
        return Optional.empty();
      }
      return normalize(uri.getScheme(), uri.getHost(), uri.getPort());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> normalize(String scheme, String host, int port) {
    if (scheme == null || host == null || host.isEmpty()) {
      return Optional.empty();
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    int defaultPort;
    switch (s) {
      case "http" -> defaultPort = 80;
      case "https" -> defaultPort = 443;
      default -> {
        return Optional.empty();
      }
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return Optional.of(s + "://" + h + ":" + (port > 0 ? port : defaultPort));
  }
}
