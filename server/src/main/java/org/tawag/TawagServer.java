package org.tawag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tawag.agent.AgentGateway;
import org.tawag.agent.AgentOrders;
import org.tawag.api.ApiRoutes;
import org.tawag.api.AuditLog;
import org.tawag.api.JdbcAuditLog;
import org.tawag.api.RecentCallerAccess;
import org.tawag.auth.AuthRoutes;
import org.tawag.auth.AuthSettings;
import org.tawag.auth.Authz;
import org.tawag.auth.FirstAdmin;
import org.tawag.auth.JdbcUserStore;
import org.tawag.auth.PasswordHasher;
import org.tawag.auth.Role;
import org.tawag.auth.Session;
import org.tawag.auth.Sessions;
import org.tawag.auth.UserStore;
import org.tawag.call.CallEvents;
import org.tawag.call.CallEventsChain;
import org.tawag.call.CallSession;
import org.tawag.call.WheelCallTimers;
import org.tawag.campaigns.CampaignCall;
import org.tawag.campaigns.CampaignDialer;
import org.tawag.campaigns.CampaignRoutes;
import org.tawag.campaigns.JdbcCampaigns;
import org.tawag.campaigns.PreviewDesk;
import org.tawag.campaigns.PreviewRoutes;
import org.tawag.config.TawagConfig;
import org.tawag.http.HttpService;
import org.tawag.media.play.SoundLibrary;
import org.tawag.media.transport.NettyMediaEngine;
import org.tawag.metrics.MetricsEndpoint;
import org.tawag.metrics.MetricsSettings;
import org.tawag.metrics.TawagMetrics;
import org.tawag.orders.JdbcCustomerStore;
import org.tawag.orders.JdbcOrderStore;
import org.tawag.phones.PhoneAgents;
import org.tawag.queue.CallRecordKeeper;
import org.tawag.queue.OperatorDialing;
import org.tawag.queue.QueueObservers;
import org.tawag.queue.QueueService;
import org.tawag.queue.callback.JdbcCallbackRequests;
import org.tawag.sip.OutboundCalls;
import org.tawag.sip.SipService;
import org.tawag.sip.TrunkProbeSettings;
import org.tawag.sip.registrar.PhoneAccess;
import org.tawag.sip.registrar.RegistrarSettings;
import org.tawag.supervisor.PastCalls;
import org.tawag.supervisor.SupervisorGateway;
import org.tawag.supervisor.TodayFigures;

/**
 * The composition root: builds every component from the configuration, starts them in order (media,
 * SIP, HTTP) and stops them in reverse.
 */
public final class TawagServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TawagServer.class);

  private final NettyMediaEngine media;
  private final WheelCallTimers timers;
  private final Store store;
  private final QueueService queues;
  private final SipService sip;
  private final HttpService http;
  private final TawagMetrics metrics;
  private final ScheduledExecutorService campaignThread;

  private TawagServer(
      NettyMediaEngine media,
      WheelCallTimers timers,
      Store store,
      QueueService queues,
      SipService sip,
      HttpService http,
      TawagMetrics metrics,
      ScheduledExecutorService campaignThread) {
    this.media = media;
    this.timers = timers;
    this.store = store;
    this.queues = queues;
    this.sip = sip;
    this.http = http;
    this.metrics = metrics;
    this.campaignThread = campaignThread;
  }

  /** Starts a server; {@code events} sees every call (metrics and records hang here). */
  public static TawagServer start(TawagConfig config, CallEvents events) {
    return start(config, events, System.getenv());
  }

  /**
   * Starts a server with {@code env} standing for the environment (the first admin's password is
   * read from it).
   */
  public static TawagServer start(TawagConfig config, CallEvents events, Map<String, String> env) {
    return start(config, events, env, Clock.systemUTC());
  }

  /**
   * Starts a server whose business time (calling hours, call records, sessions, the ACD's waits)
   * comes from {@code clock}; packet timing always uses the system's monotonic time.
   */
  public static TawagServer start(
      TawagConfig config, CallEvents events, Map<String, String> env, Clock clock) {
    SoundLibrary sounds;
    try {
      sounds = SoundLibrary.load(config.soundsDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load sounds: " + e.getMessage(), e);
    }
    Store store = Store.open(config, clock);
    AuthSettings authSettings =
        AuthSettings.defaults()
            .withAllowedOrigins(config.agents().allowedOrigins())
            // Served over TLS, the session cookie must never travel in clear.
            .withSecureCookie(config.http().tls().isPresent());
    UserStore users =
        new JdbcUserStore(
            store.database(),
            store.workers(),
            new PasswordHasher(authSettings.bcryptCost()),
            authSettings.sipRealm(),
            clock);
    try {
      new FirstAdmin(users, env, Console.out()).ensure().join();
    } catch (RuntimeException e) {
      store.close();
      throw new IllegalStateException("cannot create the first admin: " + e.getMessage(), e);
    }
    Sessions sessions = Sessions.of(authSettings, clock);
    TawagMetrics metrics = TawagMetrics.create(config, MetricsSettings.defaults(), clock);
    metrics.bindStore(store.callLog(), store.agentStates());
    NettyMediaEngine media = null;
    WheelCallTimers timers = null;
    QueueService queues = null;
    ScheduledExecutorService campaignThread = null;
    try {
      media = new NettyMediaEngine(config.rtp());
      metrics.bindMedia(media);
      timers = new WheelCallTimers();
      CallRecordKeeper records = new CallRecordKeeper(store.callLog(), clock);
      TrunkDialer dialer = new TrunkDialer();
      JdbcCampaigns campaignStore = new JdbcCampaigns(store.database().dataSource());
      CampaignTrunks campaignLines = new CampaignTrunks();
      campaignThread = CampaignDialer.thread();
      CampaignDialer campaigns =
          new CampaignDialer(campaignStore, campaignLines, clock, campaignThread);
      TodayFigures today =
          new TodayFigures(
              clock,
              java.time.ZoneId.systemDefault(),
              config.acd().queues().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          org.tawag.acd.QueueSpec::name, org.tawag.acd.QueueSpec::serviceLevel)));
      restoreToday(today, store, clock);
      queues =
          new QueueService(
              config.acd(),
              config.queueMedia(),
              sounds,
              config.agents().reconnectWindow(),
              clock,
              QueueObservers.of(records, store.agentStates(), metrics.queues(), today, campaigns),
              dialer,
              config.agents().transferTrunk().orElse(null),
              new JdbcCallbackRequests(store.database(), store.workers()),
              new OperatorDialing(config.agents().outgoingTrunk(), config.agents().dialCallerId()));
      CallSession.Context calls =
          new CallSession.Context(
              config.dialPlan(),
              sounds,
              queues,
              timers,
              CallEventsChain.of(records, events, metrics.calls()));
      PhoneAgents phoneAgents = new PhoneAgents(queues, config.agents().phoneNoAnswerRetry());
      SipService sip =
          SipService.start(
              config,
              media,
              calls,
              timers,
              new PhoneAccess(
                  users::sipHa1,
                  phoneAgents,
                  RegistrarSettings.defaults().withRealm(authSettings.sipRealm())));
      phoneAgents.attach(sip.outbound());
      dialer.attach(sip.outbound());
      campaignLines.attach(queues);
      campaignLines.attach(sip.outbound());
      campaignThread.scheduleWithFixedDelay(
          campaigns::tick,
          CampaignDialer.TICK.toMillis(),
          CampaignDialer.TICK.toMillis(),
          TimeUnit.MILLISECONDS);
      metrics.bindSip(sip);
      if (!config.sip().optionsPing().isZero()) {
        Duration every = config.sip().optionsPing();
        Duration half = every.dividedBy(2);
        sip.probeTrunks(
            new TrunkProbeSettings(
                every,
                half.compareTo(TrunkProbeSettings.DEFAULT_TIMEOUT) < 0
                    ? half
                    : TrunkProbeSettings.DEFAULT_TIMEOUT));
      }
      java.util.Map<String, java.util.Set<String>> queuesOf = new java.util.HashMap<>();
      for (org.tawag.acd.Member m : config.acd().members()) {
        queuesOf.computeIfAbsent(m.agentId(), a -> new java.util.HashSet<>()).add(m.queue());
      }
      HttpService http;
      try {
        QueueService desk = queues;
        JdbcOrderStore orderStore =
            new JdbcOrderStore(store.database(), store.workers(), config.orders(), clock);
        AgentOrders orders =
            new AgentOrders(
                orderStore,
                config.orders(),
                clock,
                callId -> campaigns.call(callId).map(CampaignCall::json));
        http =
            HttpService.start(
                config.http(),
                sip,
                (vertx, router) -> {
                  AuthRoutes auth =
                      new AuthRoutes(
                          vertx,
                          users,
                          sessions,
                          new PasswordHasher(authSettings.bcryptCost()),
                          authSettings,
                          clock);
                  auth.mount(router);
                  Authz authz = auth.authz();
                  AgentGateway gateway =
                      new AgentGateway(
                          vertx,
                          request ->
                              authz
                                  .sessionOf(request)
                                  .filter(s -> s.roles().contains(Role.OPERATOR))
                                  .map(Session::username),
                          authz.origins()::allowed,
                          desk,
                          orders,
                          config.agents().heartbeat().toMillis());
                  gateway.mount(router);
                  new SupervisorGateway(
                          vertx,
                          request ->
                              authz
                                  .sessionOf(request)
                                  .filter(
                                      s ->
                                          s.roles().contains(Role.SUPERVISOR)
                                              || s.roles().contains(Role.ADMIN))
                                  .map(Session::username),
                          authz.origins()::allowed,
                          desk,
                          today,
                          config.acd().queues().stream()
                              .map(org.tawag.acd.QueueSpec::name)
                              .toList(),
                          config.acd().members().stream()
                              .map(org.tawag.acd.Member::agentId)
                              .distinct()
                              .toList(),
                          clock)
                      .mount(router);
                  metrics.bindAgentSockets(gateway.stats());
                  AuditLog auditLog = new JdbcAuditLog(store.database(), store.workers(), clock);
                  new CampaignRoutes(
                          campaignStore,
                          store.workers(),
                          auditLog,
                          authz,
                          config.acd().queues().stream()
                              .map(org.tawag.acd.QueueSpec::name)
                              .collect(java.util.stream.Collectors.toSet()),
                          config.trunks().stream()
                              .map(org.tawag.config.TrunkConfig::name)
                              .collect(java.util.stream.Collectors.toSet()),
                          config.orders(),
                          clock)
                      .mount(router);
                  new PreviewRoutes(
                          new PreviewDesk(
                              campaignStore,
                              campaigns,
                              new CampaignOperators(desk),
                              a -> queuesOf.getOrDefault(a, java.util.Set.of()),
                              clock),
                          store.workers(),
                          auditLog,
                          authz)
                      .mount(router);
                  new ApiRoutes(
                          authz,
                          orderStore,
                          new JdbcCustomerStore(
                              store.database(), store.workers(), config.orders(), clock),
                          store.database(),
                          store.workers(),
                          new RecentCallerAccess(
                              desk::connectedCaller,
                              store.database(),
                              store.workers(),
                              config.orders().defaultCountryCode(),
                              clock),
                          config.orders(),
                          clock)
                      .mount(router);
                  new MetricsEndpoint(vertx, metrics).mount(router);
                });
      } catch (RuntimeException e) {
        sip.close();
        throw e;
      }
      log.info(
          "Tawag started: SIP udp/{} tcp/{}, RTP {}-{}, HTTP {}, store {}",
          config.sip().udpPort(),
          config.sip().tcpPort(),
          config.rtp().portMin(),
          config.rtp().portMax(),
          http.port(),
          store.describe());
      return new TawagServer(media, timers, store, queues, sip, http, metrics, campaignThread);
    } catch (RuntimeException e) {
      if (campaignThread != null) {
        campaignThread.shutdownNow();
      }
      if (queues != null) {
        queues.close();
      }
      if (timers != null) {
        timers.close();
      }
      if (media != null) {
        media.close();
      }
      store.close();
      metrics.close();
      throw e;
    }
  }

  /**
   * Counts the day's finished calls into the wallboard's figures, so a restart keeps them. A store
   * that cannot be read leaves them at zero rather than stopping the server.
   */
  private static void restoreToday(TodayFigures today, Store store, Clock clock) {
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    Instant midnight =
        java.time.LocalDate.ofInstant(clock.instant(), zone).atStartOfDay(zone).toInstant();
    try {
      today.restore(PastCalls.since(store.database().dataSource(), midnight));
    } catch (java.sql.SQLException e) {
      log.warn("today's figures start at zero: the call log cannot be read ({})", e.getSQLState());
    }
  }

  /** The outgoing-call service. */
  public OutboundCalls outbound() {
    return sip.outbound();
  }

  /** The SIP side, for its counters. */
  public SipService sip() {
    return sip;
  }

  /** The port HTTP listens on (useful when configured as 0). */
  public int httpPort() {
    return http.port();
  }

  /** Every HTTP route as {@code "METHOD /path"}. */
  public List<String> httpRoutes() {
    return http.routes();
  }

  /** The live ACD. */
  public QueueService queues() {
    return queues;
  }

  /** The metrics registry. */
  public TawagMetrics metrics() {
    return metrics;
  }

  /** The store. */
  public Store store() {
    return store;
  }

  @Override
  public void close() {
    campaignThread.shutdownNow();
    http.close();
    sip.close();
    queues.close();
    timers.close();
    media.close();
    store.close();
    metrics.close();
    log.info("Tawag stopped");
  }
}
