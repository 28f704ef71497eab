#!/usr/bin/env bash
# Tawag ACD benchmark: simulated operators on the agent WebSocket and generated callers through a
# queue, with a same-run baseline for every figure that has one. One Tawag, these phases:
#
#   (setup) the operators' accounts: op0001..opM created through POST /api/users as admin and
#           logged in once (bcrypt on the server); the session cookies are reused by every phase.
#   (0) baseline: bench's generator (org.tawag.bench.EchoLoad) places the same short calls as (1)
#       to Tawag's echo (600): a closed loop of BENCH_INFLIGHT calls, each sending RTP for
#       BENCH_SHORT_HOLD_MS -> calls per second with no queue, no operator.
#   (1) routing: BENCH_OPERATORS (200) operators (org.tawag.bench.AcdLoad) answer at once and echo
#       the audio back; the same short calls go to the queue's number (900) -> calls per second
#       completed and offered, arrival-to-offer p50/p99, the same as a ratio of (0).
#   (1b) latency: the same operators, calls at a fixed BENCH_LATENCY_RATE (open loop, not the
#       saturating closed loop of (1)) -> arrival-to-offer p50/p99 at a load the machine carries.
#   (2) concurrency, echo baseline: BENCH_CALLS (1000) echo calls held BENCH_HOLD_S (60) with RTP.
#   (3) concurrency through the queue: BENCH_CALLS operators and BENCH_CALLS calls (one operator
#       takes one call at a time), held BENCH_HOLD_S with audio both ways through the operators'
#       sockets -> failed calls, loss, echo delay (against (2)), Tawag's live heap after a full GC
#       with the operators idle and with every call up -> heap per bridged call.
#
# The queue 'bench' (longest-idle, wrap-up 0s, offer-timeout 15s, music = ring so the caller's
# 200 OK and its RTP start when the operator answers) and the extension 900 are appended to a copy
# of sip-config/. Everything runs on 127.0.0.1 and every process started here is stopped on exit.
# Knobs (environment):
#   BENCH_OUT            results directory (default: a new /tmp/tawag-acd.XXXXXX)
#   BENCH_OPERATORS      operators in (1) (default 200)
#   BENCH_SHORT_CALLS    calls in (0) and (1) (default 4000)
#   BENCH_INFLIGHT       calls in flight in (0) and (1) (default 150, below the operator count so
#                        that a call finds a free operator: (1) times routing, not waiting)
#   BENCH_SHORT_HOLD_MS  RTP time of a short call after its 200 OK (default 100; then 100 ms until
#                        the BYE). Audio is sent and counted in (0) and (1) but fails no call.
#   BENCH_LATENCY_RATE   calls per second in (1b), 15 s of them (default 100)
#   BENCH_CALLS          concurrent calls (and operators) in (2) and (3) (default 1000)
#   BENCH_SETUP_RATE     call starts per second in (2) and (3) (default 50)
#   BENCH_HOLD_S         seconds each call of (2) and (3) holds with audio (default 60)
#   BENCH_SKIP_ECHO_BASE=1  leave out (2)
#   BENCH_SIP_PORT       Tawag's SIP port (default 15060); the generator uses +30, HTTP is +3021
#   BENCH_TAWAG_OPTS     extra JVM options for Tawag (default none)
#   BENCH_GEN_OPTS       JVM options for the generator (default -Xmx1g)
#   BENCH_BUILD=1        rebuild the server jar even if server/target/tawag.jar exists
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$(mktemp -d /tmp/tawag-acd.XXXXXX)}
mkdir -p "$OUT"
OPS=${BENCH_OPERATORS:-200}
SHORT_CALLS=${BENCH_SHORT_CALLS:-4000}
INFLIGHT=${BENCH_INFLIGHT:-150}
SHORT_HOLD_MS=${BENCH_SHORT_HOLD_MS:-100}
LATENCY_RATE=${BENCH_LATENCY_RATE:-100}
CALLS=${BENCH_CALLS:-1000}
SETUP_RATE=${BENCH_SETUP_RATE:-50}
HOLD_S=${BENCH_HOLD_S:-60}
SIP_PORT=${BENCH_SIP_PORT:-15060}
GEN_SIP_PORT=$((SIP_PORT + 30))
HTTP_PORT=$((SIP_PORT + 3021))
RTP_MIN=30000
RTP_MAX=39999
GEN_RTP_BASE=40000
GEN_OPTS=${BENCH_GEN_OPTS:--Xmx1g}
HZ=$(getconf CLK_TCK)
MEMBERS=$((OPS > CALLS ? OPS : CALLS))
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OP_PASSWORD="bench-op-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"

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
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine_busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
now() { date +%s.%N; }
calc() { echo "scale=4; $*" | bc -l; }
pct1() { printf '%.1f' "$(calc "$1")"; }
ratio() { if [[ -z "$2" || "$2" == n/a || $(calc "$2 == 0") == 1 ]]; then echo n/a; else printf '%.2f' "$(calc "$1 / $2")"; fi; }

# --- build ------------------------------------------------------------------------------------
if [[ ! -f "$ROOT/server/target/tawag.jar" || "${BENCH_BUILD:-0}" == 1 ]]; then
  log "building server/target/tawag.jar"
  (cd "$ROOT" && mvn -B -q -o package -Dmaven.test.skip=true)
fi
log "building bench/target/echo-load.jar"
mvn -B -q -o -f "$ROOT/bench/pom.xml" package
cp "$ROOT/server/target/tawag.jar" "$OUT/tawag-bench.jar"
cp "$ROOT/bench/target/echo-load.jar" "$OUT/echo-load.jar"
GEN=(java $GEN_OPTS -cp "$OUT/echo-load.jar")

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(nproc) x $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
  echo "memory: $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"
tee -a "$OUT/run.log" <"$OUT/machine.txt" >&2

# --- Tawag with the bench queue ----------------------------------------------------------------
CONF="$OUT/sip-config"
cp -r "$ROOT/sip-config" "$CONF"
{
  printf '\n# bench/acd.sh: the bench queue, its number and room for the concurrency phase\n'
  printf 'tawag.sip.max-calls = %d\n' $((CALLS * 2 > 2000 ? CALLS * 2 : 2000))
  printf 'tawag.dialplan.extensions."900" = bench-queue\n'
  printf 'tawag.dialplan.targets.bench-queue { type = queue, queue = bench }\n'
  printf 'tawag.queues.bench {\n  strategy = longest-idle\n  wrap-up = 0s\n  offer-timeout = 15s\n'
  printf '  announce-every = 0s\n  music = ring\n  members = [\n'
  for i in $(seq 1 "$MEMBERS"); do printf '    { agent = op%04d }\n' "$i"; done
  printf '  ]\n}\n'
} >>"$CONF/tawag.conf"
log "starting Tawag (SIP udp/$SIP_PORT, HTTP $HTTP_PORT, RTP $RTP_MIN-$RTP_MAX, queue bench with $MEMBERS members)"
# shellcheck disable=SC2086 # BENCH_TAWAG_OPTS is a list of JVM options
(cd "$OUT" && exec env TAWAG_SIP_UDP_PORT="$SIP_PORT" TAWAG_SIP_TCP_PORT="$SIP_PORT" \
  TAWAG_HTTP_PORT="$HTTP_PORT" TAWAG_RTP_PORT_MIN="$RTP_MIN" TAWAG_RTP_PORT_MAX="$RTP_MAX" \
  TAWAG_DATA_DIR="$OUT/data" TAWAG_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java ${BENCH_TAWAG_OPTS:-} -jar "$OUT/tawag-bench.jar" "$CONF" >"$OUT/tawag.log" 2>&1) &
TP=$!
PIDS+=("$TP")
for _ in $(seq 1 120); do
  grep -q 'Tawag started' "$OUT/tawag.log" 2>/dev/null && break
  kill -0 "$TP" 2>/dev/null || die "Tawag exited at start-up: $(tail -5 "$OUT/tawag.log")"
  sleep 0.5
done
grep -q 'Tawag started' "$OUT/tawag.log" || die "Tawag did not start within 60 s"
alive() { kill -0 "$TP" 2>/dev/null || die "Tawag died; last lines: $(tail -5 "$OUT/tawag.log")"; }

COMMON=(--sip "127.0.0.1:$SIP_PORT" --rtp-base "$GEN_RTP_BASE" --sip-port "$GEN_SIP_PORT")
ACD=(--http "127.0.0.1:$HTTP_PORT" --password "$OP_PASSWORD" --sessions "$OUT/sessions.tsv")

# Runs one generator phase: name, then the generator's arguments. Records Tawag's and the
# generator's CPU (% of one core) and the machine's over the phase into $OUT/<name>/cpu.txt.
phase() {
  local name=$1
  shift
  local dir="$OUT/$name"
  mkdir -p "$dir"
  alive
  local m0 c0 t0 g0 g1 gt0 gt1 rc
  m0=$(machine_busy); c0=$(cpu_ticks "$TP"); t0=$(now)
  set +e
  "${GEN[@]}" "$@" --out "$dir/result.properties" >"$dir/out.txt" 2>&1 &
  local gp=$!
  PIDS+=("$gp")
  g0=$(cpu_ticks "$gp" 2>/dev/null || echo 0); gt0=$(now); g1=$g0; gt1=$gt0
  while kill -0 "$gp" 2>/dev/null; do
    sleep 0.5
    if t=$(cpu_ticks "$gp" 2>/dev/null); then g1=$t; gt1=$(now); fi
  done
  wait "$gp"
  rc=$?
  set -e
  local c1 m1 t1
  c1=$(cpu_ticks "$TP"); m1=$(machine_busy); t1=$(now)
  alive
  printf 'tawag_cpu_pct=%s\ngenerator_cpu_pct=%s\nmachine_busy_pct=%s\nrc=%s\n' \
    "$(pct1 "($c1 - $c0) * 100 / $HZ / ($t1 - $t0)")" \
    "$(pct1 "($g1 - $g0) * 100 / $HZ / ($gt1 - $gt0 + 0.001)")" \
    "$(pct1 "($m1 - $m0) * 100 / $HZ / ($t1 - $t0)")" "$rc" >"$dir/cpu.txt"
  tee -a "$OUT/run.log" <"$dir/out.txt" >&2
  log "$name: rc=$rc $(tr '\n' ' ' <"$dir/cpu.txt")"
}
prop() { sed -n "s/^$2=//p" "$OUT/$1/result.properties" 2>/dev/null | head -1; }
cpu() { sed -n "s/^$2=//p" "$OUT/$1/cpu.txt" 2>/dev/null | head -1; }

# --- (setup) accounts ---------------------------------------------------------------------------
log "(setup) creating and logging in $MEMBERS operators (bcrypt on the server)"
"${GEN[@]}" org.tawag.bench.AcdLoad "${ACD[@]}" --operators "$MEMBERS" --create-users true \
  --admin-password "$ADMIN_PASSWORD" --setup-only true 2>&1 | tee -a "$OUT/run.log" >&2 \
  || die "account setup failed"

# --- (0) baseline: short echo calls -------------------------------------------------------------
SHORT=(--calls "$SHORT_CALLS" --rate 10000 --in-flight "$INFLIGHT" --hold-ms "$SHORT_HOLD_MS"
  --drain-ms 100 --max-loss 1)
log "(0) warm-up and baseline: $SHORT_CALLS short echo calls to 600, $INFLIGHT in flight"
phase p0-warmup org.tawag.bench.EchoLoad "${COMMON[@]}" --number 600 --calls 500 --rate 10000 \
  --in-flight "$INFLIGHT" --hold-ms "$SHORT_HOLD_MS" --drain-ms 100 --max-loss 1
phase p0-echo org.tawag.bench.EchoLoad "${COMMON[@]}" --number 600 "${SHORT[@]}"

# --- (1) routing through the queue ---------------------------------------------------------------
log "(1) routing: $OPS operators, $SHORT_CALLS short calls to 900, $INFLIGHT in flight"
phase p1-warmup org.tawag.bench.AcdLoad "${ACD[@]}" "${COMMON[@]}" --operators "$OPS" \
  --calls 500 --rate 10000 --in-flight "$INFLIGHT" --hold-ms "$SHORT_HOLD_MS" --drain-ms 100 \
  --max-loss 1
phase p1-queue org.tawag.bench.AcdLoad "${ACD[@]}" "${COMMON[@]}" --operators "$OPS" "${SHORT[@]}"

log "(1b) latency: $OPS operators, $((LATENCY_RATE * 15)) short calls to 900 at $LATENCY_RATE/s"
phase p1b-latency org.tawag.bench.AcdLoad "${ACD[@]}" "${COMMON[@]}" --operators "$OPS" \
  --calls "$((LATENCY_RATE * 15))" --rate "$LATENCY_RATE" --hold-ms "$SHORT_HOLD_MS" \
  --drain-ms 100 --max-loss 1

# --- (2) concurrency, echo baseline -------------------------------------------------------------
LONG=(--calls "$CALLS" --rate "$SETUP_RATE" --hold-ms "$((HOLD_S * 1000))")
if [[ "${BENCH_SKIP_ECHO_BASE:-0}" != 1 ]]; then
  sleep 3
  log "(2) echo baseline: $CALLS calls to 600 at $SETUP_RATE/s, hold ${HOLD_S}s"
  phase p2-echo org.tawag.bench.EchoLoad "${COMMON[@]}" --number 600 "${LONG[@]}"
fi

# --- (3) concurrency through the queue ----------------------------------------------------------
sleep 3
alive
jcmd "$TP" GC.run >/dev/null 2>&1 || true
BEFORE_OPS_KIB=$(jcmd "$TP" GC.heap_info 2>/dev/null | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
log "(3) queue: $CALLS operators, $CALLS calls to 900 at $SETUP_RATE/s, hold ${HOLD_S}s;" \
  "live heap before the operators log in: ${BEFORE_OPS_KIB:-?} KiB"
phase p3-queue org.tawag.bench.AcdLoad "${ACD[@]}" "${COMMON[@]}" --operators "$CALLS" \
  "${LONG[@]}" --heap-pid "$TP"
grep -v ' INFO ' "$OUT/tawag.log" | grep -v 'org.tawag.sip.stack' | tail -40 >"$OUT/tawag-warnings.txt" || true

# --- summary ------------------------------------------------------------------------------------
OPS_HEAP=$(prop p3-queue heap_idle_kib)
{
  echo "Tawag ACD benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), results in $OUT"
  cat "$OUT/machine.txt"
  echo
  echo "(0) baseline echo, $SHORT_CALLS short calls, $INFLIGHT in flight, hold ${SHORT_HOLD_MS} ms:" \
    "$(prop p0-echo cps) calls/s, $(prop p0-echo failed) failed, INVITE->200 p50/p95" \
    "$(prop p0-echo setup_p50_ms)/$(prop p0-echo setup_p95_ms) ms; Tawag CPU $(cpu p0-echo tawag_cpu_pct)%," \
    "generator $(cpu p0-echo generator_cpu_pct)%, machine $(cpu p0-echo machine_busy_pct)%"
  echo "(1) queue, $OPS operators, same calls: $(prop p1-queue cps) calls/s completed" \
    "= $(ratio "$(prop p1-queue cps)" "$(prop p0-echo cps)") x baseline;" \
    "$(prop p1-queue offers_per_s) offers/s; $(prop p1-queue failed) failed" \
    "($(prop p1-queue failure_reasons)); INVITE->200 p50/p95 $(prop p1-queue setup_p50_ms)/$(prop p1-queue setup_p95_ms) ms"
  echo "    arrival->offer p50 $(prop p1-queue arrival_to_offer_p50_ms) ms, p99 $(prop p1-queue arrival_to_offer_p99_ms) ms," \
    "max $(prop p1-queue arrival_to_offer_max_ms) ms ($(prop p1-queue arrival_to_offer_n) offers);" \
    "180->offer p50 $(prop p1-queue ring_to_offer_p50_ms) p99 $(prop p1-queue ring_to_offer_p99_ms) ms;" \
    "INVITE->180 p50 $(prop p1-queue invite_to_ring_p50_ms) p99 $(prop p1-queue invite_to_ring_p99_ms) ms;" \
    "Tawag CPU $(cpu p1-queue tawag_cpu_pct)%, generator $(cpu p1-queue generator_cpu_pct)%, machine $(cpu p1-queue machine_busy_pct)%"
  echo "(1b) queue at $LATENCY_RATE calls/s (open loop): $(prop p1b-latency completed) completed," \
    "$(prop p1b-latency failed) failed; arrival->offer p50 $(prop p1b-latency arrival_to_offer_p50_ms) ms," \
    "p99 $(prop p1b-latency arrival_to_offer_p99_ms) ms, max $(prop p1b-latency arrival_to_offer_max_ms) ms;" \
    "180->offer p50 $(prop p1b-latency ring_to_offer_p50_ms) p99 $(prop p1b-latency ring_to_offer_p99_ms) ms;" \
    "INVITE->180 p50 $(prop p1b-latency invite_to_ring_p50_ms) p99 $(prop p1b-latency invite_to_ring_p99_ms) ms;" \
    "Tawag CPU $(cpu p1b-latency tawag_cpu_pct)%, machine $(cpu p1b-latency machine_busy_pct)%"
  p99=$(prop p1b-latency arrival_to_offer_p99_ms)
  if [[ -n "$p99" && "$p99" != n/a && $(calc "$p99 < 5") == 1 ]]; then met=yes; else met=no; fi
  echo "    target arrival->offer p99 < 5 ms (at $LATENCY_RATE calls/s, open loop): $met"
  if [[ -f "$OUT/p2-echo/result.properties" ]]; then
    echo "(2) echo baseline, $CALLS calls x ${HOLD_S}s: $(prop p2-echo failed) failed," \
      "$(prop p2-echo max_concurrent_echo) with echo at once, loss $(prop p2-echo loss_pct)%" \
      "(worst call $(prop p2-echo worst_call_loss_pct)%), echo delay p50/p95/p99" \
      "$(prop p2-echo echo_delay_p50_ms)/$(prop p2-echo echo_delay_p95_ms)/$(prop p2-echo echo_delay_p99_ms) ms;" \
      "Tawag CPU $(cpu p2-echo tawag_cpu_pct)%, generator $(cpu p2-echo generator_cpu_pct)%," \
      "machine $(cpu p2-echo machine_busy_pct)%, generator send late p99 $(prop p2-echo send_late_p99_ms) ms"
  fi
  echo "(3) queue, $CALLS operators x $CALLS calls x ${HOLD_S}s: $(prop p3-queue failed) failed" \
    "($(prop p3-queue failure_reasons)), $(prop p3-queue max_concurrent_answered) bridged at once," \
    "$(prop p3-queue max_concurrent_echo) with echo at once, loss $(prop p3-queue loss_pct)%" \
    "(worst call $(prop p3-queue worst_call_loss_pct)%), echo delay p50/p95/p99" \
    "$(prop p3-queue echo_delay_p50_ms)/$(prop p3-queue echo_delay_p95_ms)/$(prop p3-queue echo_delay_p99_ms) ms"
  if [[ -f "$OUT/p2-echo/result.properties" ]]; then
    echo "    against (2): loss $(ratio "$(prop p3-queue loss_pct)" "$(prop p2-echo loss_pct)") x," \
      "echo delay p50 $(ratio "$(prop p3-queue echo_delay_p50_ms)" "$(prop p2-echo echo_delay_p50_ms)") x," \
      "Tawag CPU $(ratio "$(cpu p3-queue tawag_cpu_pct)" "$(cpu p2-echo tawag_cpu_pct)") x"
  fi
  echo "    arrival->offer p50/p99 $(prop p3-queue arrival_to_offer_p50_ms)/$(prop p3-queue arrival_to_offer_p99_ms) ms;" \
    "operators: frames in $(prop p3-queue op_frames_in), echoed $(prop p3-queue op_frames_echoed)," \
    "dropped $(prop p3-queue op_frames_dropped_send_busy), sockets closed early $(prop p3-queue op_sockets_closed_early);" \
    "Tawag CPU $(cpu p3-queue tawag_cpu_pct)%, generator $(cpu p3-queue generator_cpu_pct)%," \
    "machine $(cpu p3-queue machine_busy_pct)%, generator send late p99 $(prop p3-queue send_late_p99_ms) ms"
  echo "    live heap: ${BEFORE_OPS_KIB:-?} KiB before operators, $OPS_HEAP KiB with $CALLS idle operators," \
    "$(prop p3-queue heap_during_kib) KiB with $(prop p3-queue calls_up_at_heap_probe) calls up ->" \
    "$(prop p3-queue heap_per_call_kib) KiB per bridged call"
  if [[ -n "$BEFORE_OPS_KIB" && -n "$OPS_HEAP" && "$OPS_HEAP" != -1 ]]; then
    echo "    (per connected operator: $(printf '%.1f' "$(calc "($OPS_HEAP - $BEFORE_OPS_KIB) / $CALLS")") KiB)"
  fi
  if [[ "$(prop p3-queue failed)" == 0 && "$(prop p3-queue max_concurrent_answered)" == "$CALLS" ]]; then
    met=yes
  else
    met=no
  fi
  echo "    target $CALLS concurrent bridged calls held ${HOLD_S}s with no failed call: $met"
} >"$OUT/summary.txt"
echo
cat "$OUT/summary.txt"
