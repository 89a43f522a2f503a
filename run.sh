#!/usr/bin/env bash
# Builds the four WARs and starts the registry, then the log, visit and gateway servers side by side (one Liberty
# install), waits until each is ready, prints the URLs, and stops them all on Ctrl-C.
#   ./run.sh          build, start, wait for Ctrl-C, stop
#   ./run.sh start    build and start in the background (stop later with ./run.sh stop)
#   ./run.sh stop     stop the four servers
#   ./run.sh status   show which servers run
set -euo pipefail
cd "$(dirname "$0")"

WLP="$PWD/target/liberty/wlp"
SERVERS=(registry log visit gateway)
declare -A PORT=([registry]=20000 [gateway]=20001 [log]=20002 [visit]=20003)
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-180}

server() { "$WLP/bin/server" "$@"; }

stop_all() {
  echo "Stopping servers..."
  for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do
    server stop "${SERVERS[i]}" >/dev/null 2>&1 || true
    echo "  ${SERVERS[i]} stopped"
  done
}

status_all() {
  for name in "${SERVERS[@]}"; do server status "$name" || true; done
}

wait_ready() {
  local name=$1 url="http://127.0.0.1:${PORT[$1]}/health/ready" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if ((SECONDS >= deadline)); then
      echo "$name did not become ready within ${READY_TIMEOUT_SECONDS}s; see $WLP/usr/servers/$name/logs/messages.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

start_all() {
  for name in "${SERVERS[@]}"; do
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:${PORT[$name]}/"; then
      echo "Port ${PORT[$name]} is already in use (is the system already running? ./run.sh stop)" >&2
      exit 1
    fi
  done
  echo "Building (mvn package, tests skipped)..."
  mvn -B -q -DskipTests package
  local started=$SECONDS
  # The registry first, so that the services find it at once; then the three services side by side (each
  # registers by itself, and the gateway reads the catalog once the registry answers).
  server start registry >/dev/null
  wait_ready registry
  echo "  registry ready on http://127.0.0.1:${PORT[registry]}/"
  local pids=() name
  for name in "${SERVERS[@]:1}"; do
    server start "$name" >/dev/null &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  for name in "${SERVERS[@]:1}"; do
    wait_ready "$name"
    echo "  $name ready on http://127.0.0.1:${PORT[$name]}/"
  done
  echo "All four servers ready in $((SECONDS - started))s."
  cat <<EOT

  Gateway:             http://127.0.0.1:20001/          (services and instance counts)
  Visit via gateway:   http://127.0.0.1:20001/visit/    (reload to count)
  Registry dashboard:  http://127.0.0.1:20000/
  Log file:            $WLP/usr/servers/log/logs/service.log
  Last log lines:      http://127.0.0.1:20002/log?tail=20
EOT
}

case "${1:-run}" in
  run)
    trap 'stop_all; exit 0' INT TERM
    start_all
    echo
    echo "Press Ctrl-C to stop all four servers."
    sleep infinity &
    wait $!
    ;;
  start) start_all ;;
  stop) stop_all ;;
  status) status_all ;;
  *) echo "usage: $0 [run|start|stop|status]" >&2; exit 2 ;;
esac
