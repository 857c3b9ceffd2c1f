# shellcheck shell=bash
# Helpers shared by bench/run.sh: logging, ports, /proc sampling.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }
now() { date +%s.%N; }

# True when something listens on 127.0.0.1:PORT.
port_listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# Waits (bounded) until 127.0.0.1:PORT listens.
wait_port() {
  local port=$1 secs=$2 i
  for ((i = 0; i < secs * 10; i++)); do
    port_listening "$port" && return 0
    sleep 0.1
  done
  return 1
}

# Waits (bounded) until nothing listens on PORT (a previous sink must be gone).
wait_port_free() {
  local port=$1 secs=$2 i
  for ((i = 0; i < secs * 10; i++)); do
    port_listening "$port" || return 0
    sleep 0.1
  done
  return 1
}

# Waits (bounded) for a 220 greeting on 127.0.0.1:PORT.
wait_smtp_greeting() {
  local port=$1 secs=$2 i line
  for ((i = 0; i < secs * 2; i++)); do
    if line=$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && head -c 3 <&3 && printf 'QUIT\r\n' >&3" 2>/dev/null) && [[ "$line" == 220 ]]; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# CPU clock ticks (utime+stime+cutime+cstime) of PID plus all its live children. Taken before and
# after a run, the difference is the CPU the process tree used in between: children that exited and
# were reaped meanwhile are in the parent's cutime/cstime (this matters for Postfix's
# process-per-job design; SecureRelay is one process).
tree_cpu_ticks() {
  local pid=$1 total=0 p stat rest
  local -a f
  for p in $pid $(pgrep -P "$pid" 2>/dev/null); do
    stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    rest=${stat##*) }   # fields after "(comm) ", comm may contain spaces
    read -ra f <<<"$rest"
    # rest starts at field 3 (state): utime=14 stime=15 cutime=16 cstime=17 -> indexes 11..14
    total=$((total + f[11] + f[12] + f[13] + f[14]))
  done
  echo "$total"
}

clk_tck() { getconf CLK_TCK; }

# VmHWM (peak RSS) of PID in KiB, or empty.
vm_hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null; }
vm_rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null; }

# Sum of VmRSS over PID and its live children, in KiB (Postfix's footprint at a point in time).
tree_rss_kb() {
  local pid=$1 total=0 p v
  for p in $pid $(pgrep -P "$pid" 2>/dev/null); do
    v=$(vm_rss_kb "$p")
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

# Extracts key=value from a LOADGEN line.
kv() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2" | head -1; }
