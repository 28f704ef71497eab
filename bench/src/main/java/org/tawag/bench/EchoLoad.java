package org.tawag.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The echo load generator of bench/run.sh: places N calls to Tawag's echo number over UDP SIP,
 * sends each a 1 kHz PCMU tone for the hold time and measures what comes back (per-call loss,
 * echo delay, calls up at once). A command-line tool: its report goes to stdout, and with
 * {@code --out} to a key=value file for the script.
 *
 * <p>Exit code 0 when no call failed, 1 when one did, 2 on bad arguments. A call fails when it
 * gets no 200, no echo at all, loses more than {@code --max-loss} of its frames, is hung up by
 * Tawag, or its BYE gets no 200.
 */
public final class EchoLoad {
  private EchoLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    opts.put("sip", "127.0.0.1:5060");
    opts.put("number", "600");
    opts.put("calls", "1000");
    opts.put("rate", "100");
    opts.put("hold-ms", "30000");
    opts.put("drain-ms", "600");
    opts.put("rtp-base", "40000");
    opts.put("sip-port", "0");
    opts.put("max-loss", "0.05");
    opts.put("in-flight", "0");
    opts.put("out", "");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || !opts.containsKey(a.substring(2)) || i + 1 >= args.length) {
        System.err.println("usage: java -jar echo-load.jar " + usage(opts));
        System.exit(2);
      }
      opts.put(a.substring(2), args[++i]);
    }
    String[] sip = opts.get("sip").split(":");
    LoadConfig config =
        new LoadConfig(
            new InetSocketAddress(sip[0], Integer.parseInt(sip[1])),
            opts.get("number"),
            Integer.parseInt(opts.get("calls")),
            Double.parseDouble(opts.get("rate")),
            Long.parseLong(opts.get("hold-ms")),
            Long.parseLong(opts.get("drain-ms")),
            Integer.parseInt(opts.get("rtp-base")),
            Integer.parseInt(opts.get("sip-port")),
            Double.parseDouble(opts.get("max-loss")),
            Integer.parseInt(opts.get("in-flight")));
    Map<String, String> result = run(config);
    report(config, result, System.out);
    if (!opts.get("out").isEmpty()) {
      StringBuilder sb = new StringBuilder();
      result.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
      Files.writeString(Path.of(opts.get("out")), sb.toString(), StandardCharsets.UTF_8);
    }
    System.exit(Long.parseLong(result.get("failed")) == 0 ? 0 : 1);
  }

  private static String usage(Map<String, String> opts) {
    StringBuilder sb = new StringBuilder();
    opts.forEach((k, v) -> sb.append("[--").append(k).append(' ').append(v).append("] "));
    return sb.toString().trim();
  }

  static Map<String, String> run(LoadConfig config) throws IOException, InterruptedException {
    try (LoadRun run = LoadRun.open(config)) {
      run.start();
      return run.finish();
    }
  }

  static Map<String, String> summarize(
      LoadConfig config,
      EchoCall[] calls,
      SipCaller caller,
      RtpSender sender,
      RtpReceiver receiver,
      long wallNanos) {
    Map<String, String> r = new LinkedHashMap<>();
    int answered = 0;
    int failed = 0;
    long sent = 0;
    long echoed = 0;
    long in = 0;
    long fill = 0;
    long dup = 0;
    long foreign = 0;
    long late = 0;
    int missingFirst = 0;
    int missingLast = 0;
    double worstLoss = 0;
    DelayHistogram setup = new DelayHistogram();
    Map<String, Integer> reasons = new TreeMap<>();
    List<long[]> spans = new ArrayList<>();
    long firstInvite = Long.MAX_VALUE;
    long lastOkEnd = Long.MIN_VALUE;
    int completed = 0;
    for (EchoCall c : calls) {
      if (c.answerNanos >= 0) {
        answered++;
        setup.add(c.answerNanos - c.inviteNanos);
      }
      String why = c.failure;
      boolean audioChecked = config.maxLoss() < 1;
      if (why == null && audioChecked && c.answerNanos >= 0 && c.echoedFrames == 0) {
        why = "no echo";
      } else if (why == null && c.loss() > config.maxLoss()) {
        why = "loss over " + pct(config.maxLoss());
      }
      if (c.inviteNanos > 0) {
        firstInvite = Math.min(firstInvite, c.inviteNanos);
      }
      if (why == null && c.doneNanos >= 0) {
        completed++;
        lastOkEnd = Math.max(lastOkEnd, c.doneNanos);
      }
      if (why != null) {
        failed++;
        reasons.merge(why.replaceAll("\\d+ ms", "N ms"), 1, Integer::sum);
      }
      sent += c.framesSent;
      echoed += c.echoedFrames;
      in += c.packetsIn;
      fill += c.fillFrames;
      dup += c.duplicates;
      foreign += c.foreign;
      late += c.lateSends;
      if (c.framesSent > 0 && c.echoedFrames > 0) {
        missingFirst += c.echoed.get(0) ? 0 : 1;
        missingLast += c.echoed.get(c.framesSent - 1) ? 0 : 1;
      }
      if (c.framesSent > 0) {
        worstLoss = Math.max(worstLoss, c.loss());
      }
      if (c.firstEchoNanos >= 0) {
        spans.add(new long[] {c.firstEchoNanos, +1});
        spans.add(new long[] {c.lastEchoNanos, -1});
      }
    }
    spans.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
    int up = 0;
    int maxUp = 0;
    for (long[] s : spans) {
      up += (int) s[1];
      maxUp = Math.max(maxUp, up);
    }
    DelayHistogram d = receiver.delay();
    DelayHistogram l = sender.lateness();
    r.put("calls", Integer.toString(calls.length));
    r.put("rate", fmt(config.rate()));
    r.put("hold_ms", Long.toString(config.holdMillis()));
    r.put("answered", Integer.toString(answered));
    r.put("failed", Integer.toString(failed));
    r.put("failed_pct", fmt(100.0 * failed / calls.length));
    r.put("completed", Integer.toString(completed));
    // Calls completed per second from the first INVITE to the end of the last good call.
    r.put(
        "cps",
        fmt(completed == 0 ? 0 : completed / ((lastOkEnd - firstInvite) / 1e9)));
    r.put("max_concurrent_answered", Integer.toString(caller.maxAnswered()));
    r.put("max_concurrent_echo", Integer.toString(maxUp));
    r.put("frames_sent", Long.toString(sent));
    r.put("frames_echoed", Long.toString(echoed));
    r.put("loss_pct", fmt(sent == 0 ? 0 : 100.0 * (sent - echoed) / sent));
    r.put("worst_call_loss_pct", fmt(100 * worstLoss));
    r.put("calls_missing_first_frame", Integer.toString(missingFirst));
    r.put("calls_missing_last_frame", Integer.toString(missingLast));
    r.put("rtp_packets_in", Long.toString(in));
    r.put("fill_frames_in", Long.toString(fill));
    r.put("duplicate_echoes", Long.toString(dup));
    r.put("foreign_packets", Long.toString(foreign));
    r.put("echo_delay_p50_ms", fmt(d.percentileMs(50)));
    r.put("echo_delay_p95_ms", fmt(d.percentileMs(95)));
    r.put("echo_delay_p99_ms", fmt(d.percentileMs(99)));
    r.put("echo_delay_max_ms", fmt(d.maxMs()));
    r.put("setup_p50_ms", fmt(setup.percentileMs(50)));
    r.put("setup_p95_ms", fmt(setup.percentileMs(95)));
    r.put("setup_max_ms", fmt(setup.maxMs()));
    r.put("send_late_p99_ms", fmt(l.percentileMs(99)));
    r.put("send_late_max_ms", fmt(l.maxMs()));
    r.put("frames_sent_over_10ms_late", Long.toString(late));
    r.put("send_errors", Long.toString(sender.sendErrors()));
    r.put("wall_s", fmt(wallNanos / 1e9));
    StringBuilder why = new StringBuilder();
    reasons.forEach((k, v) -> why.append(why.length() == 0 ? "" : "; ").append(v).append("x ").append(k));
    r.put("failure_reasons", why.toString());
    return r;
  }

  static void report(LoadConfig config, Map<String, String> r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "echo load: %s calls to %s at %s, %s/s, hold %s ms%n",
        r.get("calls"),
        config.number(),
        config.server(),
        r.get("rate"),
        r.get("hold_ms"));
    out.printf(
        Locale.ROOT,
        "  answered %s, completed %s (%s per second), failed %s (%s%%)%s%n",
        r.get("answered"),
        r.get("completed"),
        r.get("cps"),
        r.get("failed"),
        r.get("failed_pct"),
        r.get("failure_reasons").isEmpty() ? "" : ": " + r.get("failure_reasons"));
    out.printf(
        Locale.ROOT,
        "  concurrent: %s answered, %s with echo flowing%n",
        r.get("max_concurrent_answered"),
        r.get("max_concurrent_echo"));
    out.printf(
        Locale.ROOT,
        "  frames sent %s, echoed %s, loss %s%% (worst call %s%%;"
            + " first frame lost in %s calls, last in %s); in %s (fill %s, dup %s, foreign %s)%n",
        r.get("frames_sent"),
        r.get("frames_echoed"),
        r.get("loss_pct"),
        r.get("worst_call_loss_pct"),
        r.get("calls_missing_first_frame"),
        r.get("calls_missing_last_frame"),
        r.get("rtp_packets_in"),
        r.get("fill_frames_in"),
        r.get("duplicate_echoes"),
        r.get("foreign_packets"));
    out.printf(
        Locale.ROOT,
        "  echo delay ms: p50 %s p95 %s p99 %s max %s; setup ms: p50 %s p95 %s max %s%n",
        r.get("echo_delay_p50_ms"),
        r.get("echo_delay_p95_ms"),
        r.get("echo_delay_p99_ms"),
        r.get("echo_delay_max_ms"),
        r.get("setup_p50_ms"),
        r.get("setup_p95_ms"),
        r.get("setup_max_ms"));
    out.printf(
        Locale.ROOT,
        "  generator: send lateness p99 %s ms max %s ms, %s frames >10 ms late, %s send errors; %s s%n",
        r.get("send_late_p99_ms"),
        r.get("send_late_max_ms"),
        r.get("frames_sent_over_10ms_late"),
        r.get("send_errors"),
        r.get("wall_s"));
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }
}
