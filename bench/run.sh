#!/usr/bin/env bash
# Tawag load benchmark: one run, three phases, every figure against a baseline from the same run.
#
#   (a) baseline: SIPp's own uac -> uas, no media, closed loop (-l calls in flight, -r far above
#       what is reached) -> calls per second the machine can push through SIPp at all.
#   (b) Tawag short calls: the same SIPp method against Tawag's echo (600), with
#       bench/sipp/uac-short-echo.xml (INVITE+SDP, ACK, -d ms pause, BYE) -> CPS, failures, CPU,
#       heap.
#   (c) concurrency: bench's own generator (bench/src, JDK NIO) places N calls to 600, sends each
#       a 20 ms PCMU 1 kHz tone for the hold time and matches every echoed frame -> failed calls,
#       loss, echo delay p50/p95/max, calls up at once. If N fails it tries smaller N (at most
#       BENCH_ATTEMPTS runs) and reports the largest that passed.
#
# Everything runs on 127.0.0.1. Time is bounded (each tool has its own timeout; about 5-7 minutes
# in all with the defaults) and every process started here is stopped on exit. Knobs (environment):
#   BENCH_OUT            results directory (default: a new /tmp/tawag-bench.XXXXXX)
#   BENCH_SIPP_CALLS     calls per SIPp phase, (a) and (b) (default 20000)
#   BENCH_SIPP_LIMIT     calls in flight, -l (default 200)
#   BENCH_SIPP_RATE      offered rate, -r, per second (default 20000: the limit is -l)
#   BENCH_PAUSE_MS       pause between ACK and BYE, -d (default 10)
#   BENCH_CALLS          concurrent echo calls in (c) (default 1000)
#   BENCH_SETUP_RATE     call starts per second in (c) (default 100)
#   BENCH_HOLD_S         seconds each call of (c) sends RTP (default 30)
#   BENCH_ATTEMPTS       runs of (c) at most, each smaller after a failure (default 3)
#   BENCH_SIP_PORT       Tawag's SIP port (default 15060); SIPp uses +20..+22, the generator +30
#   BENCH_TAWAG_OPTS     extra JVM options for Tawag (default none: the JVM's own defaults)
#   BENCH_PORT_QUARANTINE  tawag.rtp.port-quarantine for the run, e.g. 1s (default: Tawag's reference.conf;
#                        with 5,000 port pairs that caps short calls at 500 per second)
#   BENCH_BUILD=1        rebuild the server jar even if server/target/tawag.jar exists
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$(mktemp -d /tmp/tawag-bench.XXXXXX)}
mkdir -p "$OUT"
SIPP_CALLS=${BENCH_SIPP_CALLS:-20000}
SIPP_LIMIT=${BENCH_SIPP_LIMIT:-200}
SIPP_RATE=${BENCH_SIPP_RATE:-20000}
PAUSE_MS=${BENCH_PAUSE_MS:-10}
CALLS=${BENCH_CALLS:-1000}
SETUP_RATE=${BENCH_SETUP_RATE:-100}
HOLD_S=${BENCH_HOLD_S:-30}
ATTEMPTS=${BENCH_ATTEMPTS:-3}
SIP_PORT=${BENCH_SIP_PORT:-15060}
UAS_PORT=$((SIP_PORT + 20))
UAC_PORT=$((SIP_PORT + 21))
UAC2_PORT=$((SIP_PORT + 22))
GEN_SIP_PORT=$((SIP_PORT + 30))
HTTP_PORT=$((SIP_PORT + 3021))
RTP_MIN=30000
RTP_MAX=39999
GEN_RTP_BASE=40000
SIPP_MEDIA_PORT=19990
HZ=$(getconf CLK_TCK)

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "FAILED: $*"; exit 1; }

# CPU time of a process in clock ticks (utime + stime, /proc/<pid>/stat fields 14 and 15; the
# command name in field 2 has no spaces for java and sipp).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Busy clock ticks of the whole machine (all CPUs; idle and iowait excluded).
machine_busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
now() { date +%s.%N; }
calc() { echo "scale=4; $*" | bc -l; }
pct1() { printf '%.1f' "$(calc "$1")"; }

# --- build ------------------------------------------------------------------------------------
command -v sipp >/dev/null || die "sipp not found (apt-get install -y sip-tester)"
if [[ ! -f "$ROOT/server/target/tawag.jar" || "${BENCH_BUILD:-0}" == 1 ]]; then
  log "building server/target/tawag.jar"
  (cd "$ROOT" && mvn -B -q -o package -Dmaven.test.skip=true)
fi
log "building bench/target/echo-load.jar"
mvn -B -q -o -f "$ROOT/bench/pom.xml" package
# Tawag runs from a copy in the results directory, so the run is tied to the jar it measured.
cp "$ROOT/server/target/tawag.jar" "$OUT/tawag-bench.jar"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(nproc) x $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
  echo "memory: $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "sipp: $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "tawag.rtp.port-quarantine: ${BENCH_PORT_QUARANTINE:-default (reference.conf)}"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" | tee -a "$OUT/run.log" >&2

# --- SIPp statistics --------------------------------------------------------------------------
# Reads a -trace_stat CSV (-fd 1): successful, failed, created, retransmissions, the time the
# last successful call ended (s from start, 1 s resolution), CPS over that time, best 1 s.
sipp_stats() {
  awk -F';' '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
      split($col["StartTime"], s, "\t"); split($col["CurrentTime"], c, "\t")
      t = c[3] - s[3]
      ok = $col["SuccessfulCall(C)"] + 0
      if (ok > best) { best = ok; tdone = t }
      if ($col["SuccessfulCall(P)"] + 0 > peak) peak = $col["SuccessfulCall(P)"] + 0
      fail = $col["FailedCall(C)"] + 0; made = $col["TotalCallCreated"] + 0
      rtx = $col["Retransmissions(C)"] + 0
    }
    END {
      cps = tdone > 0 ? best / tdone : 0
      printf "ok=%d failed=%d created=%d retransmissions=%d seconds=%.1f cps=%.1f peak_cps=%d\n",
        best, fail, made, rtx, tdone, cps, peak
    }' "$1"
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

# Samples a JVM's heap every second into a file until killed.
start_jstat() {
  jstat -gc "$1" 1000 >"$2" 2>/dev/null &
  PIDS+=($!)
  JSTAT_PID=$!
}
# Max heap used and committed (MiB), and young/full GC counts and GC seconds over the samples.
heap_stats() {
  awk '
    $1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
    NF > 10 {
      used = ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024
      cap = ($col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]) / 1024
      if (used > maxu) maxu = used
      if (cap > maxc) maxc = cap
      if (n == 0) { y0 = $col["YGC"]; f0 = $col["FGC"]; g0 = $col["GCT"] }
      y = $col["YGC"]; f = $col["FGC"]; g = $col["GCT"]; n++
    }
    END { printf "heap_used_max_mib=%.0f heap_committed_mib=%.0f young_gcs=%d full_gcs=%d gc_s=%.2f\n",
      maxu, maxc, y - y0, f - f0, g - g0 }' "$1"
}

# --- (a) baseline: SIPp uac -> SIPp uas -------------------------------------------------------
log "(a) baseline: sipp uac -> sipp uas, $SIPP_CALLS calls, -l $SIPP_LIMIT, -d $PAUSE_MS ms"
mkdir -p "$OUT/a"
(cd "$OUT/a" && exec sipp -sn uas -i 127.0.0.1 -p "$UAS_PORT" -nostdin -buff_size 4194304 \
  >uas.out 2>&1) &
UAS=$!
PIDS+=("$UAS")
sleep 1
kill -0 "$UAS" 2>/dev/null || die "sipp uas did not start: $(cat "$OUT/a/uas.out")"
A_M0=$(machine_busy); A_U0=$(cpu_ticks "$UAS"); A_T0=$(now)
set +e
(cd "$OUT/a" && exec timeout 300 sipp "127.0.0.1:$UAS_PORT" -sn uac -i 127.0.0.1 -p "$UAC_PORT" \
  -r "$SIPP_RATE" -l "$SIPP_LIMIT" -m "$SIPP_CALLS" -d "$PAUSE_MS" -buff_size 4194304 \
  -nostdin -timeout 240s -trace_stat -stf stats.csv -fd 1 -trace_err >uac.out 2>&1)
A_RC=$?
set -e
A_T1=$(now); A_U1=$(cpu_ticks "$UAS"); A_M1=$(machine_busy)
kill "$UAS" 2>/dev/null || true
A=$(sipp_stats "$OUT/a/stats.csv")
A_CPS=$(field cps "$A")
A_UAS_CPU=$(pct1 "($A_U1 - $A_U0) * 100 / $HZ / ($A_T1 - $A_T0)")
A_MACHINE=$(pct1 "($A_M1 - $A_M0) * 100 / $HZ / ($A_T1 - $A_T0)")
log "(a) sipp rc=$A_RC $A uas_cpu=${A_UAS_CPU}% machine_busy=${A_MACHINE}%"
[[ "$A_CPS" != 0.0 ]] || die "baseline measured no calls; see $OUT/a"

# --- Tawag ------------------------------------------------------------------------------------
CONF="$OUT/sip-config"
cp -r "$ROOT/sip-config" "$CONF"
printf '\n# bench/run.sh: room for the concurrency phase\ntawag.sip.max-calls = 2000\n' \
  >>"$CONF/tawag.conf"
if [[ -n "${BENCH_PORT_QUARANTINE:-}" ]]; then
  printf 'tawag.rtp.port-quarantine = %s\n' "$BENCH_PORT_QUARANTINE" >>"$CONF/tawag.conf"
fi
log "starting Tawag (SIP udp/$SIP_PORT, RTP $RTP_MIN-$RTP_MAX, max-calls 2000,"\
  "port quarantine ${BENCH_PORT_QUARANTINE:-default})"
# shellcheck disable=SC2086 # BENCH_TAWAG_OPTS is a list of JVM options
(cd "$OUT" && exec env TAWAG_SIP_UDP_PORT="$SIP_PORT" TAWAG_SIP_TCP_PORT="$SIP_PORT" \
  TAWAG_HTTP_PORT="$HTTP_PORT" TAWAG_RTP_PORT_MIN="$RTP_MIN" TAWAG_RTP_PORT_MAX="$RTP_MAX" \
  TAWAG_DATA_DIR="$OUT/data" java ${BENCH_TAWAG_OPTS:-} -jar "$OUT/tawag-bench.jar" "$CONF" \
  >"$OUT/tawag.log" 2>&1) &
TP=$!
PIDS+=("$TP")
for _ in $(seq 1 120); do
  grep -q 'Tawag started' "$OUT/tawag.log" 2>/dev/null && break
  kill -0 "$TP" 2>/dev/null || die "Tawag exited at start-up: $(tail -5 "$OUT/tawag.log")"
  sleep 0.5
done
grep -q 'Tawag started' "$OUT/tawag.log" || die "Tawag did not start within 60 s"
alive() { kill -0 "$TP" 2>/dev/null || die "Tawag died; last lines: $(tail -5 "$OUT/tawag.log")"; }

# --- (b) Tawag short calls ----------------------------------------------------------------------
log "(b) Tawag short calls: sipp uac-short-echo -> 600, $SIPP_CALLS calls, -l $SIPP_LIMIT"
mkdir -p "$OUT/b"
# A short warm-up (JIT) that the figures leave out.
(cd "$OUT/b" && timeout 120 sipp "127.0.0.1:$SIP_PORT" -sf "$ROOT/bench/sipp/uac-short-echo.xml" \
  -s 600 -i 127.0.0.1 -p "$UAC2_PORT" -mp "$SIPP_MEDIA_PORT" -r 200 -l 50 -m 2000 \
  -d "$PAUSE_MS" -nostdin -timeout 90s >warmup.out 2>&1) || log "(b) warm-up sipp rc=$?"
sleep 2
alive
start_jstat "$TP" "$OUT/b/jstat.txt"
B_M0=$(machine_busy); B_C0=$(cpu_ticks "$TP"); B_T0=$(now)
set +e
(cd "$OUT/b" && exec timeout 300 sipp "127.0.0.1:$SIP_PORT" \
  -sf "$ROOT/bench/sipp/uac-short-echo.xml" -s 600 -i 127.0.0.1 -p "$UAC_PORT" \
  -mp "$SIPP_MEDIA_PORT" -r "$SIPP_RATE" -l "$SIPP_LIMIT" -m "$SIPP_CALLS" -d "$PAUSE_MS" \
  -buff_size 4194304 -nostdin -timeout 240s -trace_stat -stf stats.csv -fd 1 -trace_err \
  >uac.out 2>&1)
B_RC=$?
set -e
B_T1=$(now); B_C1=$(cpu_ticks "$TP"); B_M1=$(machine_busy)
alive
jcmd "$TP" GC.heap_info >"$OUT/b/heap_info.txt" 2>&1 || true
kill "$JSTAT_PID" 2>/dev/null || true
B=$(sipp_stats "$OUT/b/stats.csv")
B_HEAP=$(heap_stats "$OUT/b/jstat.txt")
B_CPS=$(field cps "$B")
B_OK=$(field ok "$B")
B_FAILED=$(field failed "$B")
B_FAIL_PCT=$(printf '%.3f' "$(calc "$B_FAILED * 100 / ($B_OK + $B_FAILED)")")
B_CPU=$(pct1 "($B_C1 - $B_C0) * 100 / $HZ / ($B_T1 - $B_T0)")
B_MACHINE=$(pct1 "($B_M1 - $B_M0) * 100 / $HZ / ($B_T1 - $B_T0)")
B_RATIO=$(pct1 "$B_CPS * 100 / $A_CPS")
log "(b) sipp rc=$B_RC $B tawag_cpu=${B_CPU}% machine_busy=${B_MACHINE}% $B_HEAP"
grep -v ' INFO ' "$OUT/tawag.log" | grep -v 'org.tawag.sip.stack' | tail -20 >"$OUT/b/tawag-warnings.txt" || true

# --- (c) concurrent echo calls with RTP --------------------------------------------------------
n=$CALLS
PASSED_N=0
C_LINES=()
for attempt in $(seq 1 "$ATTEMPTS"); do
  sleep 3 # let (b)'s and the previous attempt's legs close
  alive
  dir="$OUT/c$attempt-n$n"
  mkdir -p "$dir"
  log "(c) attempt $attempt: $n echo calls, $SETUP_RATE/s, hold ${HOLD_S}s, RTP both ways"
  start_jstat "$TP" "$dir/jstat.txt"
  C_M0=$(machine_busy); C_C0=$(cpu_ticks "$TP"); C_T0=$(now)
  limit=$((n / SETUP_RATE + HOLD_S + 120))
  set +e
  java -jar "$ROOT/bench/target/echo-load.jar" --sip "127.0.0.1:$SIP_PORT" --calls "$n" \
    --rate "$SETUP_RATE" --hold-ms "$((HOLD_S * 1000))" --rtp-base "$GEN_RTP_BASE" \
    --sip-port "$GEN_SIP_PORT" --out "$dir/result.properties" >"$dir/echo-load.out" 2>&1 &
  GEN=$!
  PIDS+=("$GEN")
  # The generator's CPU is read while it runs (its /proc entry goes when it exits).
  G0=$(cpu_ticks "$GEN" 2>/dev/null || echo 0); G_T0=$(now); G1=$G0; G_T1=$G_T0
  waited=0
  while kill -0 "$GEN" 2>/dev/null && ((waited < limit * 2)); do
    sleep 0.5
    waited=$((waited + 1))
    if t=$(cpu_ticks "$GEN" 2>/dev/null); then G1=$t; G_T1=$(now); fi
  done
  if kill -0 "$GEN" 2>/dev/null; then
    log "(c) generator still running after ${limit}s; stopping it"
    kill "$GEN" 2>/dev/null || true
  fi
  wait "$GEN"
  C_RC=$?
  set -e
  C_T1=$(now); C_C1=$(cpu_ticks "$TP"); C_M1=$(machine_busy)
  alive
  jcmd "$TP" GC.heap_info >"$dir/heap_info.txt" 2>&1 || true
  kill "$JSTAT_PID" 2>/dev/null || true
  cat "$dir/echo-load.out" | tee -a "$OUT/run.log" >&2
  [[ -f "$dir/result.properties" ]] || die "generator wrote no result (rc=$C_RC); see $dir"
  C_HEAP=$(heap_stats "$dir/jstat.txt")
  C_CPU=$(pct1 "($C_C1 - $C_C0) * 100 / $HZ / ($C_T1 - $C_T0)")
  C_GEN_CPU=$(pct1 "($G1 - $G0) * 100 / $HZ / ($G_T1 - $G_T0 + 0.001)")
  C_MACHINE=$(pct1 "($C_M1 - $C_M0) * 100 / $HZ / ($C_T1 - $C_T0)")
  prop() { sed -n "s/^$1=//p" "$dir/result.properties"; }
  line="N=$n failed=$(prop failed) ($(prop failed_pct)%) answered=$(prop answered)"
  line+=" concurrent_echo=$(prop max_concurrent_echo) loss=$(prop loss_pct)%"
  line+=" worst_call_loss=$(prop worst_call_loss_pct)%"
  line+=" echo_delay_ms p50=$(prop echo_delay_p50_ms) p95=$(prop echo_delay_p95_ms)"
  line+=" max=$(prop echo_delay_max_ms) setup_p95_ms=$(prop setup_p95_ms)"
  line+=" tawag_cpu=${C_CPU}% generator_cpu=${C_GEN_CPU}% machine_busy=${C_MACHINE}%"
  line+=" generator_send_late_p99_ms=$(prop send_late_p99_ms) $C_HEAP"
  [[ -n "$(prop failure_reasons)" ]] && line+=" reasons=[$(prop failure_reasons)]"
  log "(c) $line"
  C_LINES+=("$line")
  if [[ "$(prop failed)" == 0 ]]; then
    PASSED_N=$n
    break
  fi
  n=$((n * 2 / 3 / 50 * 50))
  ((n >= 50)) || break
done
grep -v ' INFO ' "$OUT/tawag.log" | grep -v 'org.tawag.sip.stack' | tail -40 >"$OUT/tawag-warnings.txt" || true

# --- summary ------------------------------------------------------------------------------------
A_PER_CALL=$(printf '%.3f' "$(calc "($A_U1 - $A_U0) * 1000 / $HZ / $(field ok "$A")")")
B_PER_CALL=$(printf '%.3f' "$(calc "($B_C1 - $B_C0) * 1000 / $HZ / $B_OK")")
short_ok=no
if [[ $(calc "$B_CPS * 10 >= $A_CPS") == 1 && $(calc "$B_FAIL_PCT < 0.1") == 1 ]]; then
  short_ok=yes
fi
{
  echo "Tawag benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), results in $OUT"
  cat "$OUT/machine.txt"
  echo
  echo "(a) baseline SIPp uac -> uas: $A_CPS CPS ($(field ok "$A") calls, $(field failed "$A") failed," \
    "$(field retransmissions "$A") retransmissions; uas CPU ${A_UAS_CPU}%, ${A_PER_CALL} ms/call;" \
    "machine busy ${A_MACHINE}% of one CPU)"
  echo "(b) Tawag short calls to echo: $B_CPS CPS = ${B_RATIO}% of the baseline;" \
    "$B_FAILED of $((B_OK + B_FAILED)) failed (${B_FAIL_PCT}%); $(field retransmissions "$B")" \
    "retransmissions; Tawag CPU ${B_CPU}% (${B_PER_CALL} ms/call = $(pct1 "$B_PER_CALL / $A_PER_CALL")x" \
    "the SIPp uas); machine busy ${B_MACHINE}%; $B_HEAP"
  echo "    target >= 10% of baseline with < 0.1% failed: $short_ok"
  for l in "${C_LINES[@]}"; do
    echo "(c) $l"
  done
  if [[ "$PASSED_N" == "$CALLS" ]]; then
    echo "    target $CALLS concurrent echo calls with RTP, no failed call: yes"
  elif [[ "$PASSED_N" != 0 ]]; then
    echo "    target $CALLS concurrent echo calls with RTP, no failed call: no (largest passing N: $PASSED_N)"
  else
    echo "    target $CALLS concurrent echo calls with RTP, no failed call: no (no N tried passed)"
  fi
} >"$OUT/summary.txt"
echo
cat "$OUT/summary.txt"
