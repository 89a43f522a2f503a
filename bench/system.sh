#!/usr/bin/env bash
# Benchmarks the four started servers with wrk on loopback, side by side in one run:
#   visit direct (:20003/) vs visit through the gateway (:20001/visit/), 16 connections: requests/s, p99, ratio;
#   POST /log at 16 connections: lines/s, and the lines in the file against the acknowledged requests.
# Installs Debian's wrk when missing; starts the system with ./run.sh start and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=16
WLP="$PWD/target/liberty/wlp"

if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

./run.sh start
trap './run.sh stop >/dev/null' EXIT

measure() { # url -> "requests/s p99(ms)"
  local out rps p99
  out=$(timeout 300 wrk -t2 -c$CONNECTIONS -d"$DURATION" --latency "$@")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $(to_ms "$p99")"
}
to_ms() { # wrk prints 850.00us / 1.23ms / 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}
log_lines() { cat "$WLP"/usr/servers/log/logs/service.log* 2>/dev/null | wc -l; }

echo "Warming up..."
timeout 120 wrk -t2 -c$CONNECTIONS -d10s http://127.0.0.1:20003/ >/dev/null
timeout 120 wrk -t2 -c$CONNECTIONS -d10s http://127.0.0.1:20001/visit/ >/dev/null

read -r direct_rps direct_p99 < <(measure http://127.0.0.1:20003/)
read -r gateway_rps gateway_p99 < <(measure http://127.0.0.1:20001/visit/)

before=$(log_lines)
log_out=$(timeout 300 wrk -t2 -c$CONNECTIONS -d"$DURATION" -s bench/post-log.lua http://127.0.0.1:20002/log)
after=$(log_lines)
log_rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$log_out")
acknowledged=$(awk '/^acknowledged/ {print $2}' <<<"$log_out")

echo
echo "# $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), wrk -t2 -c$CONNECTIONS -d$DURATION"
echo "| measurement | requests/s | p99 (ms) |"
echo "| --- | ---: | ---: |"
echo "| visit direct (:20003/) | $direct_rps | $direct_p99 |"
echo "| visit through gateway (:20001/visit/) | $gateway_rps | $gateway_p99 |"
echo "| POST /log (:20002/log) | $log_rps | - |"
awk -v g="$gateway_rps" -v d="$direct_rps" -v gp="$gateway_p99" -v dp="$direct_p99" \
  'BEGIN { printf "gateway/direct throughput ratio: %.2f; p99 added by the gateway: %.2f ms\n", g / d, gp - dp }'
echo "log: $acknowledged lines acknowledged, $((after - before)) lines added to the file" \
  "(a difference is at most the $CONNECTIONS requests in flight when wrk stopped, written but not acknowledged)"
for name in registry log visit gateway; do
  pid=$(cat "$WLP/usr/servers/.pid/$name.pid" 2>/dev/null || true)
  [ -n "$pid" ] && echo "RSS $name: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
done
