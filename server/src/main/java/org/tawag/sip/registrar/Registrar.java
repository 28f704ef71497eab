package org.tawag.sip.registrar;

import gov.nist.javax.sip.RequestEventExt;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.call.CallTimers;

/**
 * The registrar for SIP phones (RFC 3261 §10.3): challenges each REGISTER with digest (401,
 * qop=auth), checks the answer, and keeps the phone's binding in {@link PhoneBindings}.
 *
 * <p>Runs on JAIN-SIP threads and never blocks: the credential lookup is asynchronous, and the
 * response goes out from whichever thread completes it.
 */
public final class Registrar implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Registrar.class);

  /** A credential store slower than this gets the phone a 503 rather than a hung transaction. */
  static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  /** Retry-After on a 503 when the credential store fails. */
  static final int RETRY_AFTER_SECONDS = 30;

  /**
   * What the registrar needs from the SIP stack and the server.
   *
   * @param fromTrunk true for source addresses that belong to a trunk: their REGISTERs are not for
   *     us
   * @param responsesSent hears of every response the registrar sends (method, status code), for
   *     metrics; fast and never throwing
   */
  public record Deps(
      SipProvider provider,
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses,
      Predicate<InetAddress> fromTrunk,
      PhoneAccess access,
      Clock clock,
      ObjIntConsumer<String> responsesSent) {}

  private final Deps deps;
  private final RegistrarSettings settings;
  private final Nonces nonces;
  private final NonceCounts counts;
  private final DigestCheck check;
  private final PhoneBindings bindings;
  private volatile CallTimers.Timer sweep;
  private volatile boolean closed;

  public Registrar(Deps deps) {
    this.deps = deps;
    this.settings = deps.access().settings();
    this.nonces = new Nonces(settings.secret(), settings.nonceLifetime(), deps.clock());
    this.counts = new NonceCounts(settings.nonceLifetime(), deps.clock());
    this.check = new DigestCheck(settings.realm(), nonces, counts);
    this.bindings = new PhoneBindings(deps.clock(), deps.access().presence());
  }

  /** The registered phones. */
  public PhoneBindings bindings() {
    return bindings;
  }

  /** Starts the periodic sweep of lapsed bindings and nonce counters. */
  public void start(CallTimers timers) {
    scheduleSweep(timers);
  }

  private void scheduleSweep(CallTimers timers) {
    if (closed) {
      return;
    }
    sweep =
        timers.schedule(
            Runnable::run,
            settings.sweepInterval(),
            () -> {
              bindings.sweep();
              counts.sweep();
              scheduleSweep(timers);
            });
  }

  /**
   * Handles a REGISTER; false when it came from a trunk's address (the caller answers 405 then, as
   * Tawag is no registrar for its trunks).
   */
  public boolean onRegister(RequestEvent ev) {
    Request req = ev.getRequest();
    RequestEventExt ext = (RequestEventExt) ev;
    InetAddress source;
    try {
      source = InetAddress.getByName(ext.getRemoteIpAddress()); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return false;
    }
    if (deps.fromTrunk().test(source)) {
      return false;
    }
    ServerTransaction st = transaction(ev);
    if (st == null) {
      return true; // A retransmission: its transaction answers it.
    }
    RegisterRequest register;
    DigestCredentials credentials;
    try {
      register = RegisterRequest.read(req);
      AuthorizationHeader auth = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
      if (auth == null || !"digest".equalsIgnoreCase(auth.getScheme())) {
        challenge(st, false, null);
        return true;
      }
      credentials = DigestCredentials.parse(auth::getParameter);
    } catch (IllegalArgumentException e) {
      reply(st, Response.BAD_REQUEST, "Bad Request (" + e.getMessage() + ")");
      return true;
    }
    Optional<DigestCheck.Outcome> early =
        check.beforeLookup(
            credentials, register.user(), uriMatches(credentials.uri(), req.getRequestURI()));
    if (early.isPresent()) {
      answer(st, early.get());
      return true;
    }
    Flow flow = new Flow(source.getHostAddress(), ext.getRemotePort(), transportOf(req));
    lookup(credentials.username())
        .whenComplete(
            (ha1, err) -> {
              if (err != null) {
                log.warn("phone credential lookup failed: {}", err.toString());
                unavailable(st);
                return;
              }
              DigestCheck.Outcome o = check.afterLookup(credentials, req.getMethod(), ha1);
              if (o.verdict() == DigestCheck.Verdict.ACCEPTED) {
                register(st, register, flow);
              } else {
                answer(st, o);
              }
            });
    return true;
  }

  /** Where the REGISTER came from. */
  private record Flow(String host, int port, String transport) {}

  private java.util.concurrent.CompletableFuture<Optional<String>> lookup(String username) {
    try {
      return deps.access()
          .credentials()
          .ha1(username)
          .orTimeout(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  private void register(ServerTransaction st, RegisterRequest r, Flow flow) {
    Instant now = deps.clock().instant();
    Optional<PhoneBinding> current = bindings.find(r.user());
    if (r.wildcard()) {
      bindings.remove(r.user());
      log.info("phone {} unregistered (Contact *)", r.user());
      ok(st, Optional.empty(), now);
      return;
    }
    if (r.contact().isEmpty()) {
      ok(st, current, now); // A query (RFC 3261 §10.2.3).
      return;
    }
    if (current.isPresent()
        && current.get().callId().equals(r.callId())
        && r.cseq() <= current.get().cseq()) {
      reply(st, Response.BAD_REQUEST, "Bad Request (CSeq out of order)");
      return;
    }
    String contact = r.contact().get();
    RegistrationExpiry.Decision decision =
        RegistrationExpiry.decide(r.contactExpires(), r.headerExpires(), settings);
    if (decision instanceof RegistrationExpiry.Decision.TooBrief tooBrief) {
      intervalTooBrief(st, tooBrief.min());
    } else if (decision instanceof RegistrationExpiry.Decision.Bind bind) {
      PhoneBinding b =
          new PhoneBinding(
              r.user(),
              contact,
              flow.host(),
              flow.port(),
              flow.transport(),
              r.callId(),
              r.cseq(),
              now.plus(bind.expires()));
      bindings.put(b);
      if (current.isEmpty() || !current.get().contact().equals(contact)) {
        log.info(
            "phone {} registered over {} for {} s",
            r.user(),
            flow.transport(),
            bind.expires().toSeconds());
      }
      ok(st, Optional.of(b), now);
    } else if (current.isPresent() && current.get().contact().equals(contact)) {
      bindings.remove(r.user());
      log.info("phone {} unregistered", r.user());
      ok(st, Optional.empty(), now);
    } else {
      // Removing a contact that is not bound: the 200 still lists what is (RFC 3261 §10.3 step 8).
      ok(st, current, now);
    }
  }

  private boolean uriMatches(String digestUri, URI requestUri) {
    if (digestUri.equals(requestUri.toString())) {
      return true;
    }
    try {
      return deps.addresses().createURI(digestUri).equals(requestUri);
    } catch (ParseException e) {
      return false;
    }
  }

  private void answer(ServerTransaction st, DigestCheck.Outcome o) {
    switch (o.verdict()) {
      case CHALLENGE -> challenge(st, false, o.reason());
      case STALE -> challenge(st, true, o.reason());
      case FORBIDDEN -> reply(st, Response.FORBIDDEN, o.reason());
      case BAD_REQUEST -> reply(st, Response.BAD_REQUEST, o.reason());
      case ACCEPTED -> throw new IllegalStateException("an accepted digest is not an error");
    }
  }

  private void challenge(ServerTransaction st, boolean stale, String reason) {
    try {
      Response r = response(st, Response.UNAUTHORIZED, reason);
      WWWAuthenticateHeader ask = deps.headers().createWWWAuthenticateHeader("Digest");
      ask.setRealm(settings.realm());
      ask.setNonce(nonces.create());
      ask.setQop("auth");
      ask.setAlgorithm("MD5");
      if (stale) {
        ask.setStale(true);
      }
      r.addHeader(ask);
      send(st, r);
    } catch (ParseException e) {
      throw new IllegalStateException("our own challenge does not parse: " + e.getMessage(), e);
    }
  }

  private void ok(ServerTransaction st, Optional<PhoneBinding> binding, Instant now) {
    try {
      Response r = response(st, Response.OK, null);
      if (binding.isPresent()) {
        PhoneBinding b = binding.get();
        ContactHeader c =
            deps.headers()
                .createContactHeader(
                    deps.addresses().createAddress(deps.addresses().createURI(b.contact())));
        c.setExpires((int) b.secondsLeft(now));
        r.addHeader(c);
      }
      send(st, r);
    } catch (ParseException | javax.sip.InvalidArgumentException e) {
      reply(st, Response.SERVER_INTERNAL_ERROR, null);
    }
  }

  private void intervalTooBrief(ServerTransaction st, Duration min) {
    try {
      Response r = response(st, Response.INTERVAL_TOO_BRIEF, null);
      r.addHeader(deps.headers().createMinExpiresHeader((int) min.toSeconds()));
      send(st, r);
    } catch (ParseException | javax.sip.InvalidArgumentException e) {
      reply(st, Response.SERVER_INTERNAL_ERROR, null);
    }
  }

  private void unavailable(ServerTransaction st) {
    try {
      Response r = response(st, Response.SERVICE_UNAVAILABLE, null);
      r.addHeader(deps.headers().createRetryAfterHeader(RETRY_AFTER_SECONDS));
      send(st, r);
    } catch (ParseException | javax.sip.InvalidArgumentException e) {
      reply(st, Response.SERVER_INTERNAL_ERROR, null);
    }
  }

  private void reply(ServerTransaction st, int code, String reason) {
    try {
      send(st, response(st, code, reason));
    } catch (ParseException e) {
      log.warn("could not build a {} for a REGISTER: {}", code, e.toString());
    }
  }

  private Response response(ServerTransaction st, int code, String reason) throws ParseException {
    Response r = deps.messages().createResponse(code, st.getRequest());
    ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
    if (to.getTag() == null) {
      to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }
    if (reason != null) {
      r.setReasonPhrase(reason);
    }
    return r;
  }

  private void send(ServerTransaction st, Response r) {
    try {
      st.sendResponse(r);
      deps.responsesSent().accept(Request.REGISTER, r.getStatusCode());
    } catch (Exception e) {
      log.warn("could not send {} to a REGISTER: {}", r.getStatusCode(), e.toString());
    }
  }

  private ServerTransaction transaction(RequestEvent ev) {
    if (ev.getServerTransaction() != null) {
      return ev.getServerTransaction();
    }
    try {
      return deps.provider().getNewServerTransaction(ev.getRequest());
    } catch (TransactionAlreadyExistsException e) {
      return null;
    } catch (Exception e) {
      throw new IllegalStateException("no transaction for a REGISTER: " + e.getMessage(), e);
    }
  }

  private static String transportOf(Request req) {
    ViaHeader via = (ViaHeader) req.getHeader(ViaHeader.NAME);
    return via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    closed = true;
    CallTimers.Timer t = sweep;
    if (t != null) {
      t.cancel();
    }
  }
}
