# shellcheck shell=bash
# One measurement each: throughput (smtp-source -> system -> sink), open-loop latency (loadgen ->
# system -> sink) and idle-connection memory. Each appends one line to a TSV under $OUT; the
# summary (bench/summarize.py) turns them into RESULTS.md.

THROUGHPUT_TSV="$OUT/throughput.tsv"
LATENCY_TSV="$OUT/latency.tsv"
IDLE_TSV="$OUT/idle.tsv"
SINK_PID=""

# Each mode has its own time limits; the outer timeout is a backstop (a little longer, so the
# tool's own limit fires first and still prints its result line).
loadgen() { timeout $((RUN_TIMEOUT + 60)) dotnet "$LOADGEN_DLL" "$@"; }

# Port and process to measure for a system name.
system_port() {
  case $1 in
    securerelay) echo "$RELAY_PORT" ;;
    postfix) echo "$POSTFIX_PORT" ;;
    direct-smtp-sink) echo "$SMTP_SINK_PORT" ;;
    direct*) echo "$SINK_PORT" ;;
  esac
}
system_pid() {
  case $1 in
    securerelay) echo "$RELAY_PID" ;;
    postfix) echo "$POSTFIX_MASTER_PID" ;;
    *) echo "" ;;
  esac
}

# The counting sink runs as one service for the whole benchmark, so the relays' cached connections
# to their next hop stay valid between rows (a next hop that vanished after every row made
# SecureRelay defer the messages it tried on dead pooled connections). Rows talk to it through a
# FIFO: "expect N TIMEOUT IDLE TAG" resets its counters; it prints "mode=sink tag=TAG ..." when done.
SINK_SERVICE_PID=""
SINK_OUT="$OUT/sink.out"
SINK_CTL="$OUT/sink.ctl"

sink_service_start() {
  rm -f "$SINK_CTL"
  mkfifo "$SINK_CTL" || die "mkfifo $SINK_CTL failed"
  exec 7<>"$SINK_CTL"   # read-write open: never blocks; keeps the FIFO open for the whole run
  wait_port_free "$SINK_PORT" 15 || die "sink port $SINK_PORT is busy"
  # A second port offers STARTTLS (R4's next hop); the main port never does, as in every other row.
  local -a tls_args=(--tls-port "$SINK_TLS_PORT")
  [[ -f "${TLS_CERT:-}" && -f "${TLS_KEY:-}" ]] && tls_args+=(--tls-cert "$TLS_CERT" --tls-key "$TLS_KEY")
  timeout 7200 dotnet "$LOADGEN_DLL" sink --port "$SINK_PORT" --control "$SINK_CTL" --timeout 7000 --idle-timeout 600 \
    "${tls_args[@]}" >"$SINK_OUT" 2>&1 &
  SINK_SERVICE_PID=$!
  wait_port "$SINK_PORT" 30 || die "counting sink did not listen on $SINK_PORT (see $SINK_OUT)"
}

sink_service_stop() {
  [[ -n "$SINK_SERVICE_PID" ]] || return 0
  echo quit >&7 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$SINK_SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
  kill "$SINK_SERVICE_PID" 2>/dev/null
  wait "$SINK_SERVICE_PID" 2>/dev/null
  SINK_SERVICE_PID=""
  exec 7>&-
}

# Arms the sink for RCPTS recipient deliveries under TAG; returns once its counters are reset.
sink_round_begin() {
  local rcpts=$1 tag=$2
  kill -0 "$SINK_SERVICE_PID" 2>/dev/null || die "counting sink is gone (see $SINK_OUT)"
  echo "expect $rcpts $RUN_TIMEOUT $SINK_IDLE_TIMEOUT $tag" >&7
  for _ in $(seq 1 200); do
    grep -q "mode=sink-armed tag=$tag\$" "$SINK_OUT" && return 0
    sleep 0.05
  done
  die "counting sink did not arm for $tag (see $SINK_OUT)"
}

# Waits (bounded) for the sink's result line for TAG and prints it.
sink_round_wait() {
  local tag=$1 line i
  for ((i = 0; i < (RUN_TIMEOUT + 30) * 20; i++)); do
    line=$(grep "mode=sink tag=$tag " "$SINK_OUT" | tail -1)
    [[ -n "$line" ]] && { echo "$line"; return 0; }
    sleep 0.05
  done
  echo "mode=sink tag=$tag complete=0 messages=0"
}

# Proportional set size summed over a process tree, KiB (shared pages split, not double counted).
tree_pss_kb() {
  local pid=$1 total=0 p v
  for p in $pid $(pgrep -P "$pid" 2>/dev/null); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# CPU ticks of a system: its process tree; for Postfix in R3/R4 (OPENDKIM_ACTIVE=1) plus the
# opendkim milter process, which is part of "Postfix + OpenDKIM".
system_cpu_ticks() {
  local system=$1 pid=$2 t
  t=$(tree_cpu_ticks "$pid")
  if [[ $system == postfix && $OPENDKIM_ACTIVE == 1 && -n "$OPENDKIM_PID" ]]; then
    t=$((t + $(tree_cpu_ticks "$OPENDKIM_PID")))
  fi
  echo "$t"
}

# Memory figure for a system after a run: VmHWM for SecureRelay (peak since reset at the run start),
# sum of PSS at the end for Postfix (many short-lived processes: there is no single peak).
system_mem_mb() {
  local system=$1 pid=$2 kb=""
  case $system in
    securerelay) kb=$(vm_hwm_kb "$pid") ;;
    postfix)
      kb=$(tree_pss_kb "$pid")
      [[ $OPENDKIM_ACTIVE == 1 && -n "$OPENDKIM_PID" ]] && kb=$((kb + $(tree_pss_kb "$OPENDKIM_PID")))
      ;;
  esac
  [[ -n "$kb" ]] && awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }' || echo "NA"
}

reset_hwm() { [[ -n "$1" ]] && echo 5 >"/proc/$1/clear_refs" 2>/dev/null || true; }

# run_throughput SCENARIO SYSTEM ROUND SIZE RCPTS COUNT SESSIONS
run_throughput() {
  local scenario=$1 system=$2 round=$3 size=$4 rcpts=$5 count=$6 sessions=$7
  local port pid tag t0 t1 tend cpu0=0 cpu1=0 src_rc sink_rc complete=1 delivered note="" signed="" tls="" sink_msgs=""
  port=$(system_port "$system")
  pid=$(system_pid "$system")
  tag="$OUT/runs/${scenario}_${system}_r${round}"
  mkdir -p "$OUT/runs"

  if [[ $system == direct-smtp-sink ]]; then
    wait_port_free "$SMTP_SINK_PORT" 15 || die "smtp-sink port $SMTP_SINK_PORT still busy"
    # -M: exit after COUNT messages, so its exit time is the arrival of the last message.
    # No -c: its per-event counter output costs the sink measurable time at this rate.
    timeout "$RUN_TIMEOUT" smtp-sink -u nobody -M "$count" "127.0.0.1:$SMTP_SINK_PORT" 1024 >"$tag.sink" 2>&1 &
    SINK_PID=$!
    wait_port "$SMTP_SINK_PORT" 30 || die "smtp-sink did not listen on $SMTP_SINK_PORT"
  else
    sink_round_begin $((count * rcpts)) "${tag##*/}"
  fi

  reset_hwm "$pid"
  [[ -n "$pid" ]] && cpu0=$(system_cpu_ticks "$system" "$pid")
  t0=$(now)
  timeout "$RUN_TIMEOUT" smtp-source -s "$sessions" -m "$count" -l "$size" -r "$rcpts" -d -N \
    -f bench@example.com -t rcpt@example.net "127.0.0.1:$port" >"$tag.source" 2>&1
  src_rc=$?
  t1=$(now)
  if [[ $system == direct-smtp-sink ]]; then
    wait "$SINK_PID"
    sink_rc=$?
    SINK_PID=""
    tend=$(now)
    # smtp-sink exits 0 only once -M messages arrived (timeout kills it with 124 otherwise).
    # smtp-source then fails with "lost connection": expected here.
    delivered=$count
    [[ $sink_rc -eq 0 ]] || { complete=0; delivered="fewer (smtp-sink rc=$sink_rc)"; }
  else
    local line
    line=$(sink_round_wait "${tag##*/}")
    echo "$line" >"$tag.sink"
    tend=$(kv last_unix "$line")
    delivered=$(kv messages "$line")
    sink_msgs=$delivered; signed=$(kv signed "$line"); tls=$(kv tls "$line")
    [[ $(kv complete "$line") == 1 && $src_rc -eq 0 ]] || complete=0
  fi
  [[ $src_rc -eq 0 || $system == direct-smtp-sink ]] || note="smtp-source rc=$src_rc: $(tail -1 "$tag.source" | tr '\t' ' ')"
  [[ -n "$pid" ]] && cpu1=$(system_cpu_ticks "$system" "$pid")

  local mem="NA" cpu_per_k="NA"
  if [[ -n "$pid" ]]; then
    mem=$(system_mem_mb "$system" "$pid")
    cpu_per_k=$(awk -v d=$((cpu1 - cpu0)) -v hz="$(clk_tck)" -v n="$count" 'BEGIN { printf "%.3f", d / hz / n * 1000 }')
  fi
  if [[ $system == postfix && $complete -eq 0 ]]; then
    # Leftovers would be delivered during the next row and inflate its count. (Checked only after
    # an incomplete row: after a complete one qmgr may still be unlinking delivered files.)
    local left
    left=$(postfix_queue_count)
    if [[ $left -gt 0 ]]; then
      note="$note; $left left in Postfix queue (deleted)"
      postsuper -c "$PF_ETC" -d ALL >/dev/null 2>&1 || true
    fi
  fi
  local e2e accept
  accept=$(awk -v n="$count" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
  if [[ $complete -eq 1 ]]; then
    e2e=$(awk -v n="$count" -v a="$t0" -v b="$tend" 'BEGIN { printf "%.1f", n / (b - a) }')
  else
    e2e="NA"
    note="$note; incomplete: sink got $delivered of $count messages"
  fi
  # Columns 13-15: what the sink saw (messages carrying DKIM-Signature, messages over TLS, messages).
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$system" "$round" "$size" "$rcpts" "$count" \
    "$e2e" "$accept" "$cpu_per_k" "$mem" "$complete" "${note#; }" "$signed" "$tls" "$sink_msgs" >>"$THROUGHPUT_TSV"
  log "$scenario $system round $round: e2e=$e2e msg/s accept=$accept msg/s cpu/1k=$cpu_per_k s mem=$mem MB${signed:+ signed=$signed/$sink_msgs tls=$tls} ${note#; }"
}

# run_latency SCENARIO SYSTEM ROUND RATE SECONDS
run_latency() {
  local scenario=$1 system=$2 round=$3 rate=$4 seconds=$5
  local port tag count line sink_line
  port=$(system_port "$system")
  tag="$OUT/runs/${scenario}_${system}_r${round}"
  mkdir -p "$OUT/runs"
  count=$(awk -v r="$rate" -v s="$seconds" 'BEGIN { printf "%d", r * s }')
  sink_round_begin "$count" "${tag##*/}"
  loadgen load --port "$port" --rate "$rate" --connections "$LAT_CONNECTIONS" --count "$count" \
    --duration "$((seconds + 5))" --drain 30 --size "$LAT_SIZE" --rcpts 1 >"$tag.load" 2>&1
  sink_line=$(sink_round_wait "${tag##*/}")
  echo "$sink_line" >"$tag.sink"
  line=$(grep 'mode=load ' "$tag.load" | tail -1)
  if [[ -z "$line" ]]; then
    log "$scenario $system: load generator failed: $(tail -2 "$tag.load" | tr '\n' ' ')"
    line="mode=load failed"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$system" "$round" "$rate" \
    "$(kv achieved_rate "$line")" "$(kv accept_p50_ms "$line")" "$(kv accept_p99_ms "$line")" "$(kv accept_p999_ms "$line")" \
    "$(kv e2e_p99_ms "$line")" "$(kv ok "$line")" "$(kv failed "$line")" "$(kv complete "$sink_line")" >>"$LATENCY_TSV"
  log "$scenario $system round $round: rate=$rate achieved=$(kv achieved_rate "$line") accept p50=$(kv accept_p50_ms "$line") p99=$(kv accept_p99_ms "$line") ms"
}

# run_idle_memory: fresh SecureRelay, IDLE_CONNECTIONS idle sessions, peak RSS.
run_idle_memory() {
  local tag="$OUT/runs/idle_securerelay" before during hwm line
  mkdir -p "$OUT/runs"
  relay_stop
  relay_start || { log "idle memory: $RELAY_SKIP"; return 1; }
  sleep 2
  before=$(vm_rss_kb "$RELAY_PID")
  loadgen idle --port "$RELAY_PORT" --connections "$IDLE_CONNECTIONS" --hold "$IDLE_HOLD" >"$tag.idle" 2>&1 &
  local lg=$!
  for _ in $(seq 1 $((IDLE_HOLD * 10 + 600))); do
    grep -q 'mode=idle-ready' "$tag.idle" && break
    kill -0 "$lg" 2>/dev/null || break
    sleep 0.1
  done
  sleep 1
  during=$(vm_rss_kb "$RELAY_PID")
  wait "$lg"
  hwm=$(vm_hwm_kb "$RELAY_PID")
  line=$(grep 'mode=idle-ready' "$tag.idle" | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$IDLE_CONNECTIONS" "$(kv opened "$line")" "$(kv failed "$line")" \
    "$(awk -v k="${before:-0}" 'BEGIN{printf "%.1f", k/1024}')" "$(awk -v k="${during:-0}" 'BEGIN{printf "%.1f", k/1024}')" \
    "$(awk -v k="${hwm:-0}" 'BEGIN{printf "%.1f", k/1024}')" >>"$IDLE_TSV"
  log "idle: opened=$(kv opened "$line") RSS before=${before}kB during=${during}kB peak=${hwm}kB"
}

# run_closed_loop_tls SCENARIO SYSTEM ROUND SIZE RCPTS COUNT CONNECTIONS   (R4)
# The same client for both systems: the load generator in closed loop (--rate 0: every message is
# due at once, each of CONNECTIONS persistent connections sends back to back with PIPELINING) after
# STARTTLS on every connection; recipients in $TLS_RCPT_DOMAIN, which both relays route to the
# sink's STARTTLS port. End-to-end = COUNT / (the generator's first send, after its connections
# are open and encrypted → the sink's last message); accept = the generator's achieved rate.
run_closed_loop_tls() {
  local scenario=$1 system=$2 round=$3 size=$4 rcpts=$5 count=$6 conns=$7
  local port pid tag cpu0=0 cpu1=0 lg_rc complete=1 note="" line sink_line t0 tend
  case $system in
    securerelay) port=$RELAY_TLS_PORT ;;
    postfix) port=$POSTFIX_TLS_PORT ;;
  esac
  pid=$(system_pid "$system")
  tag="$OUT/runs/${scenario}_${system}_r${round}"
  mkdir -p "$OUT/runs"
  sink_round_begin $((count * rcpts)) "${tag##*/}"
  reset_hwm "$pid"
  [[ -n "$pid" ]] && cpu0=$(system_cpu_ticks "$system" "$pid")
  loadgen load --port "$port" --rate 0 --connections "$conns" --count "$count" --duration "$RUN_TIMEOUT" --drain 30 \
    --size "$size" --rcpts "$rcpts" --starttls --sender "bench@$DKIM_DOMAIN" --rcpt-domain "$TLS_RCPT_DOMAIN" >"$tag.load" 2>&1
  lg_rc=$?
  sink_line=$(sink_round_wait "${tag##*/}")
  echo "$sink_line" >"$tag.sink"
  [[ -n "$pid" ]] && cpu1=$(system_cpu_ticks "$system" "$pid")
  line=$(grep 'mode=load ' "$tag.load" | tail -1)
  [[ $lg_rc -eq 0 && -n "$line" && $(kv ok "$line") == "$count" ]] || { complete=0; note="loadgen rc=$lg_rc ok=$(kv ok "$line") failed=$(kv failed "$line"): $(grep -v 'mode=load' "$tag.load" | tail -1 | tr '\t' ' ')"; }
  [[ $(kv complete "$sink_line") == 1 ]] || complete=0
  local mem="NA" cpu_per_k="NA" e2e="NA" accept
  if [[ -n "$pid" ]]; then
    mem=$(system_mem_mb "$system" "$pid")
    cpu_per_k=$(awk -v d=$((cpu1 - cpu0)) -v hz="$(clk_tck)" -v n="$count" 'BEGIN { printf "%.3f", d / hz / n * 1000 }')
  fi
  if [[ $system == postfix && $complete -eq 0 ]]; then
    local left
    left=$(postfix_queue_count)
    if [[ $left -gt 0 ]]; then
      note="$note; $left left in Postfix queue (deleted)"
      postsuper -c "$PF_ETC" -d ALL >/dev/null 2>&1 || true
    fi
  fi
  accept=$(kv achieved_rate "$line"); accept=${accept:-NA}
  t0=$(kv start_unix "$line"); tend=$(kv last_unix "$sink_line")
  if [[ $complete -eq 1 && -n "$t0" && -n "$tend" ]]; then
    e2e=$(awk -v n="$count" -v a="$t0" -v b="$tend" 'BEGIN { printf "%.1f", n / (b - a) }')
  else
    complete=0
    note="$note; incomplete: sink got $(kv messages "$sink_line") of $count messages"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$system" "$round" "$size" "$rcpts" "$count" \
    "$e2e" "$accept" "$cpu_per_k" "$mem" "$complete" "${note#; }" "$(kv signed "$sink_line")" "$(kv tls "$sink_line")" "$(kv messages "$sink_line")" >>"$THROUGHPUT_TSV"
  log "$scenario $system round $round: e2e=$e2e msg/s accept=$accept msg/s cpu/1k=$cpu_per_k s mem=$mem MB signed=$(kv signed "$sink_line")/$(kv messages "$sink_line") tls=$(kv tls "$sink_line") ${note#; }"
}
