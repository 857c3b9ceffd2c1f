#!/usr/bin/env bash
# SecureRelay vs Postfix on this machine, side by side, in one command:
#   sudo bench/run.sh            (default run, ~10 min)      QUICK=1 bench/run.sh   (~2 min)
# Installs postfix if missing, publishes SecureRelay (Release), builds the load generator, starts a
# private Postfix instance, runs the scenarios alternating SecureRelay / Postfix each round, and
# writes bench/RESULTS.md. Only 127.0.0.1 traffic; every loop bounded; everything stopped on exit.
# See bench/README.md for the rows, the method and the variables.
set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
OUT=${OUT:-$BENCH_DIR/out}

# ---- knobs (environment) ----
QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then
  ROUNDS=${ROUNDS:-1}; COUNT=${COUNT:-500}; COUNT_100K=${COUNT_100K:-200}; R0_COUNT=${R0_COUNT:-5000}
  LAT_SECONDS=${LAT_SECONDS:-4}; IDLE_HOLD=${IDLE_HOLD:-3}; WARMUP=${WARMUP:-1000}
  SIZES=${SIZES:-"1024 10240 102400"}; RCPT_COUNTS=${RCPT_COUNTS:-"1 10"}
else
  ROUNDS=${ROUNDS:-3}; COUNT=${COUNT:-2000}; COUNT_100K=${COUNT_100K:-600}; R0_COUNT=${R0_COUNT:-20000}
  LAT_SECONDS=${LAT_SECONDS:-8}; IDLE_HOLD=${IDLE_HOLD:-5}; WARMUP=${WARMUP:-3000}
  SIZES=${SIZES:-"1024 10240 102400"}; RCPT_COUNTS=${RCPT_COUNTS:-"1 10"}
fi
SESSIONS=${SESSIONS:-20}
LAT_RATE=${LAT_RATE:-auto}          # msg/s for the common latency row; auto = half Postfix's accept rate
LAT_CONNECTIONS=${LAT_CONNECTIONS:-10}
LAT_SIZE=${LAT_SIZE:-10240}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-1000}
RUN_TIMEOUT=${RUN_TIMEOUT:-180}     # seconds, hard limit for one measurement
SINK_IDLE_TIMEOUT=${SINK_IDLE_TIMEOUT:-30}
RELAY_START_TIMEOUT=${RELAY_START_TIMEOUT:-30}
RELAY_MAX_CONNECTIONS_PER_IP=${RELAY_MAX_CONNECTIONS_PER_IP:-100000}
RELAY_SRC=${RELAY_SRC:-$ROOT/src/SecureRelay}
RELAY_PORT=${RELAY_PORT:-2525}
RELAY_ADMIN_PORT=${RELAY_ADMIN_PORT:-9025}
POSTFIX_PORT=${POSTFIX_PORT:-2625}
SINK_PORT=${SINK_PORT:-2526}
SMTP_SINK_PORT=${SMTP_SINK_PORT:-2628}
POSTFIX_PROCESS_LIMIT=${POSTFIX_PROCESS_LIMIT:-200}
POSTFIX_DEST_CONCURRENCY=${POSTFIX_DEST_CONCURRENCY:-20}
SKIP_RELAY=${SKIP_RELAY:-0}
RESULTS=${RESULTS:-$BENCH_DIR/RESULTS.md}

# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/postfix.sh
source "$BENCH_DIR/lib/postfix.sh"
# shellcheck source=lib/relay.sh
source "$BENCH_DIR/lib/relay.sh"
# shellcheck source=lib/scenarios.sh
source "$BENCH_DIR/lib/scenarios.sh"

[[ $(id -u) -eq 0 ]] || die "run as root (apt-get, and Postfix needs root to start its private instance)"
for p in $RELAY_PORT $RELAY_ADMIN_PORT $POSTFIX_PORT $SINK_PORT $SMTP_SINK_PORT; do
  port_listening "$p" && die "port $p is already in use; set RELAY_PORT/POSTFIX_PORT/SINK_PORT"
done

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "${SINK_PID:-}" ]] && kill "$SINK_PID" 2>/dev/null
  relay_stop
  sink_service_stop
  postfix_stop
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$OUT"
rm -rf "$OUT/runs"
: >"$OUT/relay.log"
ulimit -n 65536 2>/dev/null || ulimit -n 8192 2>/dev/null || true
START_TIME=$(date -u +%s)
LOAD_AT_START=$(cut -d" " -f1-3 /proc/loadavg)

# ---- install and build ----
postfix_install
command -v ss >/dev/null || die "ss (iproute2) is required"
command -v python3 >/dev/null || die "python3 is required for the summary"
log "building the load generator"
dotnet build "$BENCH_DIR/SecureRelay.LoadGen" -c Release >"$OUT/loadgen-build.log" 2>&1 \
  || die "building bench/SecureRelay.LoadGen failed (see $OUT/loadgen-build.log)"
LOADGEN_DLL="$BENCH_DIR/SecureRelay.LoadGen/bin/Release/net10.0/securerelay-loadgen.dll"

sink_service_start
log "counting sink running on 127.0.0.1:$SINK_PORT (pid $SINK_SERVICE_PID)"

if [[ $SKIP_RELAY == 1 ]]; then
  RELAY_SKIP="SKIP_RELAY=1"
else
  relay_build && relay_configure && relay_start
fi
[[ -n "$RELAY_SKIP" ]] && log "SecureRelay rows skipped: $RELAY_SKIP"

postfix_configure || die "postfix configuration failed"
postfix_start || die "private Postfix did not start (see $PF_DIR/maillog)"
log "private Postfix running (master pid $POSTFIX_MASTER_PID) on 127.0.0.1:$POSTFIX_PORT"

: >"$THROUGHPUT_TSV"; : >"$LATENCY_TSV"; : >"$IDLE_TSV"
SYSTEMS=(securerelay postfix)
relay_ok() { [[ -z "$RELAY_SKIP" ]]; }

# ---- warm-up, not measured: each system relays WARMUP messages at 1 KB and at 10 KB first ----
# A freshly started .NET process compiles its code during its first thousands of messages (perf: the
# JIT took a quarter of the relay's CPU then); a relay runs for days, so the rows measure the warm
# state. Postfix gets the same warm-up (its processes and caches). WARMUP=0 measures cold.
if [[ $WARMUP -gt 0 ]]; then
  for s in "${SYSTEMS[@]}"; do
    [[ $s == securerelay ]] && ! relay_ok && continue
    for size in 1024 10240; do run_throughput W0-warmup "$s" "$size" "$size" 1 "$WARMUP" "$SESSIONS"; done
  done
  mkdir -p "$OUT/runs" && mv "$THROUGHPUT_TSV" "$OUT/runs/warmup.tsv" && : >"$THROUGHPUT_TSV"
fi

# ---- R0: the ceiling (no relay) ----
for ((r = 1; r <= ROUNDS; r++)); do
  run_throughput R0 direct-smtp-sink "$r" 10240 1 "$R0_COUNT" "$SESSIONS"
  run_throughput R0 direct-counting-sink "$r" 10240 1 "$R0_COUNT" "$SESSIONS"
done

# ---- R2: relay, plain SMTP, connection reuse; A B A B ----
for size in $SIZES; do
  for rc in $RCPT_COUNTS; do
    n=$COUNT
    [[ $size -ge 102400 ]] && n=$COUNT_100K
    name="R2-$((size / 1024))k-${rc}rcpt"
    for ((r = 1; r <= ROUNDS; r++)); do
      for s in "${SYSTEMS[@]}"; do
        [[ $s == securerelay ]] && ! relay_ok && continue
        run_throughput "$name" "$s" "$r" "$size" "$rc" "$n" "$SESSIONS"
      done
    done
  done
done

# ---- R2-lat: open-loop accept latency at a common rate ----
if [[ $LAT_RATE == auto ]]; then
  LAT_RATE=$(awk -F'\t' '$1 == "R2-10k-1rcpt" && $2 == "postfix" { print $8 }' "$THROUGHPUT_TSV" | sort -n \
    | awk '{ a[NR] = $1 } END { if (NR) printf "%d", a[int((NR + 1) / 2)] / 2; else print 200 }')
  [[ $LAT_RATE -ge 10 ]] || LAT_RATE=200
fi
for ((r = 1; r <= ROUNDS; r++)); do
  for s in "${SYSTEMS[@]}"; do
    [[ $s == securerelay ]] && ! relay_ok && continue
    run_latency R2-lat "$s" "$r" "$LAT_RATE" "$LAT_SECONDS"
  done
done
# SecureRelay at half of its own maximal accept rate (the design target: p99 <= 5 ms there).
if relay_ok; then
  half=$(awk -F'\t' '$1 == "R2-10k-1rcpt" && $2 == "securerelay" { print $8 }' "$THROUGHPUT_TSV" | sort -n \
    | awk '{ a[NR] = $1 } END { if (NR) printf "%d", a[int((NR + 1) / 2)] / 2; else print 0 }')
  if [[ $half -ge 10 ]]; then
    for ((r = 1; r <= ROUNDS; r++)); do run_latency R2-lat-half securerelay "$r" "$half" "$LAT_SECONDS"; done
  fi
fi

# ---- R3 / R4 placeholders ----
log "R3 (DKIM RSA-2048; peer Postfix + OpenDKIM milter): not yet — SecureRelay DKIM signing is not wired into the relay"
log "R4 (STARTTLS on the inbound listener; loadgen --starttls is ready): not yet — TLS listener configuration not available"

# ---- idle connections memory (fresh SecureRelay process) ----
if relay_ok; then
  run_idle_memory || true
else
  log "idle memory row skipped: $RELAY_SKIP"
fi

relay_stop
postfix_stop
sink_service_stop
END_TIME=$(date -u +%s)
LOAD_AT_END=$(cut -d" " -f1-3 /proc/loadavg)

# ---- summary ----
GIT_COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "${RELAY_DLL:-}" && "$RELAY_DLL" != "$RELAY_PUBLISH_DIR/securerelay.dll" ]]; then
  RELAY_SRC="prebuilt $RELAY_DLL"
  RELAY_COMMIT="n/a"
else
  RELAY_COMMIT=$(git -C "$(dirname "$RELAY_SRC")" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [[ -n "$(git -C "$(dirname "$RELAY_SRC")" status --porcelain -- . 2>/dev/null)" ]] && RELAY_COMMIT="$RELAY_COMMIT + uncommitted changes"
fi
export GIT_COMMIT RELAY_COMMIT RELAY_SRC RELAY_SKIP WARMUP ROUNDS COUNT COUNT_100K R0_COUNT SESSIONS LAT_RATE LAT_SECONDS \
  LAT_CONNECTIONS LAT_SIZE IDLE_CONNECTIONS QUICK START_TIME END_TIME LOAD_AT_START LOAD_AT_END POSTFIX_PROCESS_LIMIT POSTFIX_DEST_CONCURRENCY
python3 "$BENCH_DIR/summarize.py" "$THROUGHPUT_TSV" "$LATENCY_TSV" "$IDLE_TSV" >"$RESULTS" || die "summary failed"
log "wrote $RESULTS"
cat "$RESULTS"
