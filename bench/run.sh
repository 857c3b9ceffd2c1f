#!/usr/bin/env bash
# SecureRelay vs Postfix on this machine, side by side, in one command:
#   sudo bench/run.sh            (default run, ~12 min)      QUICK=1 bench/run.sh   (~3 min)
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
  ROUNDS=${ROUNDS:-3}; COUNT=${COUNT:-2000}; COUNT_100K=${COUNT_100K:-2000}; R0_COUNT=${R0_COUNT:-20000}
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
# R3 (DKIM RSA-2048; Postfix + OpenDKIM) and R4 (R3 + STARTTLS in and out), after all other rows.
R34=${R34:-1}                                   # 0 = skip both
R34_ROUNDS=${R34_ROUNDS:-$ROUNDS}
R34_COUNT=${R34_COUNT:-$COUNT}                  # messages per R3/R4 run (10 KB)
R34_RCPT_COUNTS=${R34_RCPT_COUNTS:-"1 10"}      # R3 recipients per message; R4 runs 1
# Unmeasured 10 KB messages per system and path (R3 path, R4 path) after the restart; capped at 2000
# by default to keep the default run's growth within a few minutes.
R34_WARMUP=${R34_WARMUP:-$((WARMUP < 2000 ? WARMUP : 2000))}
RELAY_TLS_PORT=${RELAY_TLS_PORT:-2527}
POSTFIX_TLS_PORT=${POSTFIX_TLS_PORT:-2627}
SINK_TLS_PORT=${SINK_TLS_PORT:-2529}
OPENDKIM_PORT=${OPENDKIM_PORT:-8891}
RESULTS=${RESULTS:-$BENCH_DIR/RESULTS.md}

# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/postfix.sh
source "$BENCH_DIR/lib/postfix.sh"
# shellcheck source=lib/relay.sh
source "$BENCH_DIR/lib/relay.sh"
# shellcheck source=lib/scenarios.sh
source "$BENCH_DIR/lib/scenarios.sh"
# shellcheck source=lib/dkim.sh
source "$BENCH_DIR/lib/dkim.sh"

[[ $(id -u) -eq 0 ]] || die "run as root (apt-get, and Postfix needs root to start its private instance)"
for p in $RELAY_PORT $RELAY_ADMIN_PORT $POSTFIX_PORT $SINK_PORT $SMTP_SINK_PORT $SINK_TLS_PORT $RELAY_TLS_PORT $POSTFIX_TLS_PORT; do
  port_listening "$p" && die "port $p is already in use; set RELAY_PORT/POSTFIX_PORT/SINK_PORT/SINK_TLS_PORT"
done

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "${SINK_PID:-}" ]] && kill "$SINK_PID" 2>/dev/null
  relay_stop
  sink_service_stop
  postfix_stop
  opendkim_stop
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

# R3/R4 material before the sink starts (its STARTTLS port uses the benchmark certificate).
R34_KEY_SKIP=""
if [[ $R34 == 1 ]]; then
  r34_prepare || true
  [[ -f "$DKIM_KEY" ]] || R34_KEY_SKIP="no DKIM key: $R34_SKIP"
  [[ -n "$R34_SKIP" ]] && log "R3/R4 Postfix side will be skipped: $R34_SKIP"
else
  R34_KEY_SKIP="R34=0"
fi

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

# ---- idle connections memory (fresh SecureRelay process) ----
if relay_ok; then
  run_idle_memory || true
else
  log "idle memory row skipped: $RELAY_SKIP"
fi

# ---- R3 (DKIM RSA-2048) and R4 (R3 + STARTTLS in and out), last: both systems are reconfigured ----
R34_RELAY_SKIP=""
if [[ -n "$R34_KEY_SKIP" ]]; then
  log "R3/R4 skipped: $R34_KEY_SKIP"
else
  R4_TLS=1
  [[ -n "$R34_TLS_SKIP" ]] && { R4_TLS=0; log "R4 skipped: $R34_TLS_SKIP"; }
  if relay_ok; then
    relay_stop
    relay_configure_r34 "$R4_TLS"
    if ! relay_start "$RELAY_R34_CONFIG"; then
      R34_RELAY_SKIP="SecureRelay with the R3/R4 configuration: $RELAY_SKIP"
      RELAY_SKIP=""   # the earlier rows were measured; only R3/R4 lose SecureRelay
    fi
  else
    R34_RELAY_SKIP=$RELAY_SKIP
  fi
  if [[ -z "$R34_SKIP" ]] && opendkim_start; then
    if postfix_enable_r34 "$R4_TLS"; then
      OPENDKIM_ACTIVE=1
      POSTFIX_MASTER_PID=$(head -1 "$PF_DIR/queue/pid/master.pid" 2>/dev/null | tr -d ' ')
    else
      R34_SKIP="postfix reload with the milter/TLS settings failed (see bench/out/postfix-setup.log)"
    fi
  fi
  R34_SYSTEMS=()
  if [[ -z "$R34_RELAY_SKIP" ]]; then R34_SYSTEMS+=(securerelay); else log "R3/R4 SecureRelay side skipped: $R34_RELAY_SKIP"; fi
  if [[ -z "$R34_SKIP" ]]; then R34_SYSTEMS+=(postfix); else log "R3/R4 Postfix side skipped: $R34_SKIP"; fi

  if [[ ${#R34_SYSTEMS[@]} -gt 0 ]]; then
    # Warm-up of the restarted relay (signing and TLS code paths) and of Postfix + OpenDKIM; not measured.
    if [[ $R34_WARMUP -gt 0 ]]; then
      MAIN_TSV=$THROUGHPUT_TSV
      THROUGHPUT_TSV="$OUT/runs/warmup-r34.tsv"
      : >"$THROUGHPUT_TSV"
      for s in "${R34_SYSTEMS[@]}"; do
        run_throughput W3-warmup "$s" 0 10240 1 "$R34_WARMUP" "$SESSIONS"
        [[ $R4_TLS == 1 ]] && run_closed_loop_tls W4-warmup "$s" 0 10240 1 "$R34_WARMUP" "$SESSIONS"
      done
      # Signing (and TLS) must actually happen before anything is measured: say so loudly if not.
      awk -F'\t' '$13 != $15 || ($1 == "W4-warmup" && $14 != $15) {
        printf "WARNING: %s %s: sink saw signed=%s tls=%s of %s messages\n", $1, $2, $13, $14, $15 }' "$THROUGHPUT_TSV" >&2
      THROUGHPUT_TSV=$MAIN_TSV
    fi
    for rc in $R34_RCPT_COUNTS; do
      for ((r = 1; r <= R34_ROUNDS; r++)); do
        for s in "${R34_SYSTEMS[@]}"; do run_throughput "R3-10k-${rc}rcpt" "$s" "$r" 10240 "$rc" "$R34_COUNT" "$SESSIONS"; done
      done
    done
    if [[ $R4_TLS == 1 ]]; then
      for ((r = 1; r <= R34_ROUNDS; r++)); do
        for s in "${R34_SYSTEMS[@]}"; do run_closed_loop_tls R4-10k-1rcpt "$s" "$r" 10240 1 "$R34_COUNT" "$SESSIONS"; done
      done
    fi
  fi
fi

relay_stop
postfix_stop
opendkim_stop
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
R34_NOTE=""
[[ -n "$R34_KEY_SKIP" ]] && R34_NOTE="R3/R4 skipped: $R34_KEY_SKIP"
[[ -n "$R34_RELAY_SKIP" ]] && R34_NOTE="${R34_NOTE:+$R34_NOTE; }SecureRelay side skipped: $R34_RELAY_SKIP"
[[ -z "$R34_KEY_SKIP" && -n "$R34_SKIP" ]] && R34_NOTE="${R34_NOTE:+$R34_NOTE; }Postfix + OpenDKIM side skipped: $R34_SKIP"
[[ -z "$R34_KEY_SKIP" && -n "$R34_TLS_SKIP" ]] && R34_NOTE="${R34_NOTE:+$R34_NOTE; }R4 skipped: $R34_TLS_SKIP"
OPENDKIM_VERSION=$("$OPENDKIM" -V 2>/dev/null | head -1 | sed 's/.*Filter v//')
export R34_NOTE R34_ROUNDS R34_COUNT R34_WARMUP OPENDKIM_VERSION
export GIT_COMMIT RELAY_COMMIT RELAY_SRC RELAY_SKIP WARMUP ROUNDS COUNT COUNT_100K R0_COUNT SESSIONS LAT_RATE LAT_SECONDS \
  LAT_CONNECTIONS LAT_SIZE IDLE_CONNECTIONS QUICK START_TIME END_TIME LOAD_AT_START LOAD_AT_END POSTFIX_PROCESS_LIMIT POSTFIX_DEST_CONCURRENCY
python3 "$BENCH_DIR/summarize.py" "$THROUGHPUT_TSV" "$LATENCY_TSV" "$IDLE_TSV" >"$RESULTS" || die "summary failed"
log "wrote $RESULTS"
cat "$RESULTS"
