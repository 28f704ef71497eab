package org.tawag.bench;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ACD load of bench/acd.sh: N simulated {@link Operator}s on Tawag's agent WebSocket and the
 * {@link SipCaller} placing calls to a queue's number. Operators answer every offer at once and
 * echo the caller's audio, so the caller's per-call loss and echo delay cover the whole path
 * through the queue bridge; the {@link OfferLog} times arrival to offer. With {@code --heap-pid}
 * it also reads Tawag's live heap with the operators idle and again with every call up.
 *
 * <p>{@code --setup-only true} only creates the accounts and logs them in (into the
 * {@code --sessions} file), so the measured runs that follow skip the bcrypt work.
 *
 * <p>Exit code 0 when no call failed, 1 when one did, 2 on bad arguments, 3 when the operators
 * could not all log in.
 */
public final class AcdLoad {
  private AcdLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("http", "127.0.0.1:8080");
    o.put("sip", "127.0.0.1:5060");
    o.put("number", "900");
    o.put("operators", "200");
    o.put("op-prefix", "op");
    o.put("password", "bench-operator-1");
    o.put("admin-user", "admin");
    o.put("admin-password", "");
    o.put("create-users", "false");
    o.put("setup-only", "false");
    o.put("sessions", "");
    o.put("calls", "2000");
    o.put("rate", "1000");
    o.put("in-flight", "0");
    o.put("hold-ms", "300");
    o.put("drain-ms", "300");
    o.put("rtp-base", "40000");
    o.put("sip-port", "0");
    o.put("max-loss", "0.05");
    o.put("heap-pid", "0");
    o.put("heap-settle-ms", "5000");
    o.put("ws-threads", "2");
    o.put("out", "");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || !o.containsKey(a.substring(2)) || i + 1 >= args.length) {
        StringBuilder u = new StringBuilder("usage: java -cp echo-load.jar org.tawag.bench.AcdLoad");
        o.forEach((k, v) -> u.append(" [--").append(k).append(' ').append(v).append(']'));
        System.err.println(u);
        System.exit(2);
      }
      o.put(a.substring(2), args[++i]);
    }
    System.exit(run(o, System.out));
  }

  private static int run(Map<String, String> o, PrintStream out) throws Exception {
    String[] http = o.get("http").split(":");
    String host = http[0];
    int httpPort = Integer.parseInt(http[1]);
    int n = Integer.parseInt(o.get("operators"));
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(String.format(Locale.ROOT, "%s%04d", o.get("op-prefix"), i));
    }
    String password = o.get("password");
    Path sessionsFile = o.get("sessions").isEmpty() ? null : Path.of(o.get("sessions"));
    Map<String, String> r = new LinkedHashMap<>();

    HttpClient rest = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    OperatorAccounts accounts = new OperatorAccounts(rest, host, httpPort, 4);
    long t0 = System.nanoTime();
    if (Boolean.parseBoolean(o.get("create-users"))) {
      String adminPassword = o.get("admin-password");
      if (adminPassword.isEmpty()) {
        adminPassword = System.getenv().getOrDefault("TAWAG_ADMIN_PASSWORD", "");
      }
      String admin = accounts.login(o.get("admin-user"), adminPassword);
      int created = accounts.createAll(admin, names, password);
      out.printf(Locale.ROOT, "accounts: %d created (%d asked)%n", created, n);
    }
    Map<String, String> cookies = accounts.sessions(names, password, sessionsFile);
    out.printf(
        Locale.ROOT,
        "accounts: %d sessions ready in %.1f s%n",
        cookies.size(),
        (System.nanoTime() - t0) / 1e9);
    if (Boolean.parseBoolean(o.get("setup-only"))) {
      return 0;
    }

    String[] sip = o.get("sip").split(":");
    LoadConfig config =
        new LoadConfig(
            new InetSocketAddress(sip[0], Integer.parseInt(sip[1])),
            o.get("number"),
            Integer.parseInt(o.get("calls")),
            Double.parseDouble(o.get("rate")),
            Long.parseLong(o.get("hold-ms")),
            Long.parseLong(o.get("drain-ms")),
            Integer.parseInt(o.get("rtp-base")),
            Integer.parseInt(o.get("sip-port")),
            Double.parseDouble(o.get("max-loss")),
            Integer.parseInt(o.get("in-flight")));
    long heapPid = Long.parseLong(o.get("heap-pid"));
    HeapProbe heap = heapPid > 0 ? new HeapProbe(heapPid) : null;

    OfferLog offers = new OfferLog();
    ExecutorService wsThreads =
        Executors.newFixedThreadPool(
            Integer.parseInt(o.get("ws-threads")),
            task -> {
              Thread t = new Thread(task, "operators");
              t.setDaemon(true);
              return t;
            });
    HttpClient wsClient = HttpClient.newBuilder().executor(wsThreads).build();
    List<Operator> operators = new ArrayList<>();
    int closedEarly = 0;
    try (LoadRun run = LoadRun.open(config)) {
      offers.expect(run);
      long c0 = System.nanoTime();
      List<CompletableFuture<Operator>> opening = new ArrayList<>();
      for (String name : names) {
        Operator op = new Operator(name, offers);
        operators.add(op);
        opening.add(op.connect(wsClient, host, httpPort, cookies.get(name)));
      }
      int notReady = 0;
      String why = "";
      for (int i = 0; i < operators.size(); i++) {
        try {
          opening.get(i).get(120, TimeUnit.SECONDS);
          operators.get(i).available().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
          notReady++;
          why = operators.get(i).name() + ": " + e;
        }
      }
      out.printf(
          Locale.ROOT,
          "operators: %d of %d available in %.1f s%s%n",
          n - notReady,
          n,
          (System.nanoTime() - c0) / 1e9,
          notReady == 0 ? "" : " (last problem: " + why + ")");
      if (notReady > 0) {
        return 3;
      }
      long idleKib = -1;
      if (heap != null) {
        Thread.sleep(2000);
        idleKib = heap.liveKib();
      }
      HeapWatch watch = heap == null ? null : new HeapWatch(run, config, heap, o);
      run.start();
      if (watch != null) {
        watch.start();
      }
      r.putAll(run.finish());
      if (watch != null) {
        watch.join();
        r.put("heap_idle_kib", Long.toString(idleKib));
        r.put("heap_during_kib", Long.toString(watch.kib));
        r.put("calls_up_at_heap_probe", Integer.toString(watch.callsUp));
        r.put(
            "heap_per_call_kib",
            EchoLoad.fmt(
                watch.callsUp <= 0 || idleKib < 0 || watch.kib < 0
                    ? Double.NaN
                    : (double) (watch.kib - idleKib) / watch.callsUp));
      }
    } finally {
      for (Operator op : operators) {
        closedEarly += op.closeCode != -1 ? 1 : 0;
      }
      List<CompletableFuture<?>> closing = new ArrayList<>();
      for (Operator op : operators) {
        closing.add(op.close());
      }
      try {
        CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0]))
            .get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // best effort: the server times dead sockets out by itself
      }
      wsThreads.shutdownNow();
    }
    r.put("operators", Integer.toString(n));
    offers.summarize(r);
    operatorTotals(operators, r);
    r.put("op_sockets_closed_early", Integer.toString(closedEarly));
    EchoLoad.report(config, r, out);
    report(r, out);
    if (!o.get("out").isEmpty()) {
      StringBuilder sb = new StringBuilder();
      r.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      Files.writeString(Path.of(o.get("out")), sb.toString(), StandardCharsets.UTF_8);
    }
    return Long.parseLong(r.get("failed")) == 0 ? 0 : 1;
  }

  private static void operatorTotals(List<Operator> ops, Map<String, String> r) {
    long in = 0;
    long echoed = 0;
    long dropped = 0;
    long bad = 0;
    long sendErrors = 0;
    long connected = 0;
    long ended = 0;
    long cancelled = 0;
    long errors = 0;
    Map<String, Integer> errorCodes = new TreeMap<>();
    for (Operator op : ops) {
      in += op.framesIn;
      echoed += op.framesEchoed;
      dropped += op.framesDropped();
      bad += op.badFrames;
      sendErrors += op.sendErrors();
      connected += op.connected;
      ended += op.ended;
      cancelled += op.cancelled;
      errors += op.errors;
      if (op.errors > 0) {
        errorCodes.merge(op.lastError, 1, Integer::sum);
      }
    }
    r.put("op_connected", Long.toString(connected));
    r.put("op_ended", Long.toString(ended));
    r.put("op_offers_cancelled", Long.toString(cancelled));
    r.put("op_errors", Long.toString(errors));
    r.put("op_error_codes", errorCodes.toString());
    r.put("op_frames_in", Long.toString(in));
    r.put("op_frames_echoed", Long.toString(echoed));
    r.put("op_frames_dropped_send_busy", Long.toString(dropped));
    r.put("op_bad_frames", Long.toString(bad));
    r.put("op_send_errors", Long.toString(sendErrors));
  }

  private static void report(Map<String, String> r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "  offers %s (%s per second; %s repeated, %s unknown); arrival->offer ms p50 %s p99 %s"
            + " max %s; ring->offer ms p50 %s p99 %s max %s; invite->ring ms p50 %s p99 %s%n",
        r.get("offers"),
        r.get("offers_per_s"),
        r.get("offers_repeated"),
        r.get("offers_unknown"),
        r.get("arrival_to_offer_p50_ms"),
        r.get("arrival_to_offer_p99_ms"),
        r.get("arrival_to_offer_max_ms"),
        r.get("ring_to_offer_p50_ms"),
        r.get("ring_to_offer_p99_ms"),
        r.get("ring_to_offer_max_ms"),
        r.get("invite_to_ring_p50_ms"),
        r.get("invite_to_ring_p99_ms"));
    out.printf(
        Locale.ROOT,
        "  operators %s: connected %s, ended %s, offers cancelled %s, errors %s %s; frames in %s,"
            + " echoed %s, dropped (send busy) %s, bad %s, send errors %s%n",
        r.get("operators"),
        r.get("op_connected"),
        r.get("op_ended"),
        r.get("op_offers_cancelled"),
        r.get("op_errors"),
        r.get("op_error_codes"),
        r.get("op_frames_in"),
        r.get("op_frames_echoed"),
        r.get("op_frames_dropped_send_busy"),
        r.get("op_bad_frames"),
        r.get("op_send_errors"));
    if (r.containsKey("heap_idle_kib")) {
      out.printf(
          Locale.ROOT,
          "  heap after full GC: idle %s KiB, with %s calls up %s KiB -> %s KiB per call%n",
          r.get("heap_idle_kib"),
          r.get("calls_up_at_heap_probe"),
          r.get("heap_during_kib"),
          r.get("heap_per_call_kib"));
    }
  }

  /**
   * Reads the heap once every call is up (or, if they never all are, half-way through the hold
   * after the ramp), after {@code heap-settle-ms} more so the calls' buffers are in steady state.
   */
  private static final class HeapWatch extends Thread {
    private final LoadRun run;
    private final LoadConfig config;
    private final HeapProbe heap;
    private final long settleMs;
    volatile long kib = -1;
    volatile int callsUp = -1;

    HeapWatch(LoadRun run, LoadConfig config, HeapProbe heap, Map<String, String> o) {
      super("heap-watch");
      setDaemon(true);
      this.run = run;
      this.config = config;
      this.heap = heap;
      this.settleMs = Long.parseLong(o.get("heap-settle-ms"));
    }

    @Override
    public void run() {
      long rampMs = (long) (config.calls() / config.rate() * 1000);
      long deadline =
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(rampMs + config.holdMillis() / 2);
      try {
        while (run.answeredNow() < config.calls() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        Thread.sleep(Math.min(settleMs, config.holdMillis() / 4));
        int before = run.answeredNow();
        kib = heap.liveKib();
        callsUp = Math.min(before, run.answeredNow());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
