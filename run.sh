#!/usr/bin/env bash
# Builds the four WARs and starts the system on 127.0.0.1 from one Liberty install: the registry, then the log, visit
# and gateway servers side by side; waits until each is ready, prints the URLs, and stops them all on Ctrl-C.
#   ./run.sh          build, start, wait for Ctrl-C, stop
#   ./run.sh start    build and start in the background (stop later with ./run.sh stop)
#   ./run.sh stop     stop every instance the last start left (the four servers by default)
#   ./run.sh status   show which instances run, and where (host:port)
# Scale-out: REGISTRY_NODES=3 SERVICE_REPLICAS=2 ./run.sh start starts 3 registry nodes and 2 instances of log and
# of visit (one gateway), instance k of a server on its port + 100 * (k - 1), every service given every registry
# (REGISTRY_URLS), the registry nodes each other (REGISTRY_CLUSTER_MEMBERS), and the visit count in PostgreSQL
# (VISIT_DB=postgresql; scripts/ensure-postgresql.sh starts the local cluster unless VISIT_DB_URL names another).
# Instance 1 is the server itself (usr/servers/<server>); instance k > 1 runs the same server, server.xml and WAR
# with its own output directory (WLP_OUTPUT_DIR=usr/instances/<server>-k): logs, workarea, PID and data files.
# As on three machines: REGISTRY_HOSTS=127.0.1.1,127.0.1.2,127.0.1.3 ./run.sh start binds registry node k to the k-th
# address (IPv4, one per node; their count is REGISTRY_NODES) on the SAME ports, HTTP(S) 20000 and cluster 20050
# (REGISTRY_CLUSTER_HOST), the members and REGISTRY_URLS naming those addresses; with TLS the certificate must name
# them too (the script adds them to SERVICEGRID_TLS_SAN, and refuses an existing key.p12 that lacks one).
# TLS: SERVICEGRID_TLS=true ./run.sh start makes the TLS files when missing (scripts/ensure-tls.sh, in
# SERVICEGRID_TLS_DIR or usr/shared/resources/servicegrid-tls) and starts every server on HTTPS only.
# A canary: REPLICA_META_2="version=2.0" gives the second instance of each service that Meta (version, zone, weight;
# REPLICA_META_1 the first),
# and GATEWAY_CANARY=visit=2.0@10 sends a tenth of the visits to it (docs/operations.md, "Steering traffic").
# Traces (docs/tracing.md): SERVICEGRID_TRACING=zipkin ./run.sh start also starts a Zipkin server on 127.0.0.1:9411
# (ZIPKIN_PORT) from the build's zipkin-server jar and sends every server's spans to it; SERVICEGRID_TRACING=otlp
# sends them to the OTLP collector at OTEL_EXPORTER_OTLP_ENDPOINT instead. SERVICEGRID_TRACING_RATIO (1.0) is the
# share of new traces recorded; a request that arrives with a trace follows its caller's decision. ZIPKIN_EXTERNAL=true
# starts no Zipkin server: the spans go to whatever already takes Zipkin's POST /api/v2/spans on ZIPKIN_PORT (another
# Zipkin, or bench/run.sh's discarding sink).
set -euo pipefail
cd "$(dirname "$0")"

WLP="$PWD/target/liberty/wlp"
RECORD="$PWD/target/run.instances" # what the last start started: "id server port host", one instance a line
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-180}
REGISTRY_HOSTS=${REGISTRY_HOSTS:-}
declare -a HOSTS=() # REGISTRY_HOSTS split: registry node k on HOSTS[k-1]
if [ -n "$REGISTRY_HOSTS" ]; then
  IFS=, read -r -a HOSTS <<<"$REGISTRY_HOSTS"
  REGISTRY_NODES=${REGISTRY_NODES:-${#HOSTS[@]}}
fi
REGISTRY_NODES=${REGISTRY_NODES:-1}
SERVICE_REPLICAS=${SERVICE_REPLICAS:-1}
for count in "$REGISTRY_NODES" "$SERVICE_REPLICAS"; do
  if ! [[ $count =~ ^[1-9]$ ]]; then
    echo "REGISTRY_NODES and SERVICE_REPLICAS are instance counts, 1 to 9 (got '$count')" >&2
    exit 2
  fi
done
if [ -n "$REGISTRY_HOSTS" ]; then
  declare -A SEEN_HOST=()
  for host in "${HOSTS[@]}"; do
    if ! [[ $host =~ ^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$ ]] \
      || [ "$host" = 0.0.0.0 ]; then
      echo "REGISTRY_HOSTS is a comma-separated list of IPv4 addresses of this machine, one per registry node," \
        "e.g. 127.0.1.1,127.0.1.2,127.0.1.3 (got '$REGISTRY_HOSTS': '$host' is not one)" >&2
      exit 2
    fi
    if [ -n "${SEEN_HOST[$host]:-}" ]; then
      echo "REGISTRY_HOSTS names $host twice: each registry node needs an address of its own" >&2
      exit 2
    fi
    SEEN_HOST[$host]=1
  done
  if ((${#HOSTS[@]} != REGISTRY_NODES)); then
    echo "REGISTRY_HOSTS names ${#HOSTS[@]} addresses but REGISTRY_NODES is $REGISTRY_NODES: one address per node" \
      "(leave REGISTRY_NODES out)" >&2
    exit 2
  fi
fi
SERVICEGRID_TLS=${SERVICEGRID_TLS:-false}
case $SERVICEGRID_TLS in
  false) SCHEME=http CURL_TLS=() ;;
  true)
    SCHEME=https
    TLS_DIR=${SERVICEGRID_TLS_DIR:-$WLP/usr/shared/resources/servicegrid-tls}
    CURL_TLS=(--cacert "$TLS_DIR/ca.pem")
    export SERVICEGRID_TLS
    ;;
  *) echo "SERVICEGRID_TLS is true or false (got '$SERVICEGRID_TLS')" >&2; exit 2 ;;
esac
SERVICEGRID_TRACING=${SERVICEGRID_TRACING:-off}
ZIPKIN_PORT=${ZIPKIN_PORT:-9411}
ZIPKIN_EXTERNAL=${ZIPKIN_EXTERNAL:-false}
ZIPKIN_JAR="$PWD/server-config/target/zipkin/zipkin-server.jar"
ZIPKIN_PID="$PWD/target/zipkin.pid"
case $SERVICEGRID_TRACING in
  off) ;;
  zipkin | otlp)
    if [ "$SERVICEGRID_TRACING" = otlp ] && [ -z "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
      echo "SERVICEGRID_TRACING=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:4317" >&2
      exit 2
    fi
    # Liberty's mpTelemetry reads the OpenTelemetry SDK's settings from the servers' environment. Traces only:
    # Prometheus scrapes the metrics, and the log files stay where they are.
    export OTEL_SDK_DISABLED=false OTEL_TRACES_EXPORTER=$SERVICEGRID_TRACING
    export OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none
    export OTEL_TRACES_SAMPLER=${OTEL_TRACES_SAMPLER:-parentbased_traceidratio}
    export OTEL_TRACES_SAMPLER_ARG=${SERVICEGRID_TRACING_RATIO:-1.0}
    if [ "$SERVICEGRID_TRACING" = zipkin ]; then
      export OTEL_EXPORTER_ZIPKIN_ENDPOINT=http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans
    fi
    ;;
  *) echo "SERVICEGRID_TRACING is off, zipkin or otlp (got '$SERVICEGRID_TRACING')" >&2; exit 2 ;;
esac
declare -A BASE_PORT=([registry]=20000 [gateway]=20001 [log]=20002 [visit]=20003)
CLUSTER_PORT_OFFSET=50 # a registry node's Hazelcast port: its HTTP port + 50 (20050, 20150, ...)

declare -a INSTANCES=()    # instance ids in start order: registry, registry-2, ..., log, visit, ..., gateway
declare -A SERVER_OF=() PORT_OF=() HOST_OF=()

# Instance k of a server: on 127.0.0.1 and its port + 100 * (k - 1), or, for a registry node with REGISTRY_HOSTS,
# on the k-th host and the registry's own port, as on a machine of its own.
add_instance() { # server k
  local id=$1
  if (($2 > 1)); then id="$1-$2"; fi
  INSTANCES+=("$id")
  SERVER_OF[$id]=$1
  if [ "$1" = registry ] && ((${#HOSTS[@]})); then
    HOST_OF[$id]=${HOSTS[$2 - 1]}
    PORT_OF[$id]=${BASE_PORT[$1]}
  else
    HOST_OF[$id]=127.0.0.1
    PORT_OF[$id]=$((BASE_PORT[$1] + 100 * ($2 - 1)))
  fi
}

plan_instances() {
  local k server
  for ((k = 1; k <= REGISTRY_NODES; k++)); do add_instance registry "$k"; done
  for server in log visit; do
    for ((k = 1; k <= SERVICE_REPLICAS; k++)); do add_instance "$server" "$k"; done
  done
  add_instance gateway 1
}

read_record() {
  local id server port host
  while read -r id server port host; do
    INSTANCES+=("$id")
    SERVER_OF[$id]=$server
    PORT_OF[$id]=$port
    HOST_OF[$id]=${host:-127.0.0.1}
  done <"$RECORD"
}

# Where an instance answers: "<host>:<port>".
address_of() { echo "${HOST_OF[$1]}:${PORT_OF[$1]}"; }

# Liberty's output directory of an instance: the default (usr/servers) for the first, its own for the others.
output_root() {
  if [ "$1" = "${SERVER_OF[$1]}" ]; then echo "$WLP/usr/servers"; else echo "$WLP/usr/instances/$1"; fi
}

server_dir() { echo "$(output_root "$1")/${SERVER_OF[$1]}"; }

# bin/server <action> for one instance, with its output directory and, on start, its environment.
instance() {
  local action=$1 id=$2
  (
    export WLP_OUTPUT_DIR
    WLP_OUTPUT_DIR=$(output_root "$id")
    if [ "$action" = start ]; then
      mkdir -p "$WLP_OUTPUT_DIR"
      export HTTP_PORT=${PORT_OF[$id]}
      if [ "${SERVER_OF[$id]}" = registry ] && ((${#HOSTS[@]})); then export HTTP_HOST=${HOST_OF[$id]}; fi
      if [ "$SERVICEGRID_TRACING" != off ]; then
        export OTEL_SERVICE_NAME=${SERVER_OF[$id]} OTEL_RESOURCE_ATTRIBUTES=service.instance.id=$(address_of "$id")
      fi
      if [ "${SERVER_OF[$id]}" = registry ]; then
        if ((REGISTRY_NODES > 1)); then
          export REGISTRY_CLUSTER_HOST=${HOST_OF[$id]} REGISTRY_CLUSTER_PORT=$((PORT_OF[$id] + CLUSTER_PORT_OFFSET))
          export REGISTRY_CLUSTER_MEMBERS=$CLUSTER_MEMBERS
        fi
      else
        export VISIT_DB REGISTRY_URLS
        replica_meta "$id"
      fi
    fi
    "$WLP/bin/server" "$action" "${SERVER_OF[$id]}"
  )
}

# Exports the Meta of REPLICA_META_<k> (e.g. REPLICA_META_2="version=2.0 zone=b": version, zone, weight) for instance
# k of each service (k = 1: log, visit and the gateway; k > 1: log-k, visit-k), as its SERVICE_METADATA_* settings: a
# second version beside the first, for a canary, or weights and zones.
replica_meta() {
  local id=$1 pairs pair key k=1
  [ "$id" = "${SERVER_OF[$id]}" ] || k=${id##*-}
  pairs="REPLICA_META_$k"
  for pair in ${!pairs:-}; do
    key=${pair%%=*}
    case $key in
      version | zone | weight) export "SERVICE_METADATA_${key^^}=${pair#*=}" ;;
      *) echo "$pairs: '$pair' is not version=..., zone=... or weight=..." >&2; exit 2 ;;
    esac
  done
}

# Stops each tier in parallel, the dependents first: gateway, visit, log, registry.
stop_all() {
  INSTANCES=()
  if [ -f "$RECORD" ]; then read_record; else plan_instances; fi
  echo "Stopping servers..."
  local server id pids
  for server in gateway visit log registry; do
    pids=()
    for id in "${INSTANCES[@]}"; do
      if [ "${SERVER_OF[$id]}" = "$server" ]; then
        instance stop "$id" >/dev/null 2>&1 &
        pids+=($!)
      fi
    done
    for id in "${pids[@]}"; do wait "$id" || true; done
    for id in "${INSTANCES[@]}"; do
      if [ "${SERVER_OF[$id]}" = "$server" ]; then echo "  $id stopped"; fi
    done
  done
  stop_zipkin
  rm -f "$RECORD"
}

status_all() {
  if [ -f "$RECORD" ]; then read_record; else plan_instances; fi
  local id answer
  for id in "${INSTANCES[@]}"; do
    answer=$(instance status "$id" 2>&1 || true) # exit code 1: not running
    printf '%-12s %-16s %s\n' "$id" "$(address_of "$id")" "$(grep -m1 . <<<"$answer")"
  done
}

# The Zipkin server of SERVICEGRID_TRACING=zipkin: in-memory storage, loopback only, its PID in target/zipkin.pid.
start_zipkin() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$ZIPKIN_PORT") 2>/dev/null; then
    echo "Port $ZIPKIN_PORT is already in use: is a Zipkin server running? (ZIPKIN_PORT picks another)" >&2
    exit 1
  fi
  local log="$PWD/target/zipkin.log" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  java -jar "$ZIPKIN_JAR" "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$ZIPKIN_PORT" \
    "--armeria.ports[0].protocols[0]=http" >"$log" 2>&1 &
  echo $! >"$ZIPKIN_PID"
  until curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$ZIPKIN_PORT/health"; do
    if ((SECONDS >= deadline)) || ! kill -0 "$(cat "$ZIPKIN_PID")" 2>/dev/null; then
      echo "Zipkin did not start on port $ZIPKIN_PORT; see $log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "  zipkin ready on http://127.0.0.1:$ZIPKIN_PORT/"
}

stop_zipkin() {
  if [ -f "$ZIPKIN_PID" ]; then
    kill "$(cat "$ZIPKIN_PID")" 2>/dev/null || true
    rm -f "$ZIPKIN_PID"
    echo "  zipkin stopped"
  fi
}

wait_ready() {
  local id=$1 url="$SCHEME://$(address_of "$1")/health/ready" deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until curl -fs -o /dev/null --max-time 2 "${CURL_TLS[@]}" "$url"; do
    if ((SECONDS >= deadline)); then
      echo "$id did not become ready within ${READY_TIMEOUT_SECONDS}s; see $(server_dir "$id")/logs/messages.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

# Starts the instances of the given servers side by side and waits until each is ready.
start_tier() {
  local pids=() id server
  for id in "${INSTANCES[@]}"; do
    for server in "$@"; do
      if [ "${SERVER_OF[$id]}" = "$server" ]; then
        instance start "$id" >/dev/null &
        pids+=($!)
      fi
    done
  done
  for id in "${pids[@]}"; do wait "$id"; done
  for id in "${INSTANCES[@]}"; do
    for server in "$@"; do
      if [ "${SERVER_OF[$id]}" = "$server" ]; then
        wait_ready "$id"
        echo "  $id ready on $SCHEME://$(address_of "$id")/"
      fi
    done
  done
}

# The registry nodes' addresses, comma-separated: "http(s)://<host>:<port>" or, with port_offset, "<host>:<port>".
registry_list() { # prefix port_offset
  local id out=()
  for id in "${INSTANCES[@]}"; do
    if [ "${SERVER_OF[$id]}" = registry ]; then out+=("${1}${HOST_OF[$id]}:$((PORT_OF[$id] + $2))"); fi
  done
  (IFS=,; echo "${out[*]}")
}

print_urls() {
  local id
  echo
  echo "  Gateway:             $SCHEME://127.0.0.1:${PORT_OF[gateway]}/          (services and instance counts)"
  echo "  Visit via gateway:   $SCHEME://127.0.0.1:${PORT_OF[gateway]}/visit/    (reload to count)"
  for id in "${INSTANCES[@]}"; do
    case ${SERVER_OF[$id]} in
      registry) echo "  Registry dashboard:  $SCHEME://$(address_of "$id")/  ($id)" ;;
      visit)
        if ((SERVICE_REPLICAS > 1)); then echo "  Visit direct:        $SCHEME://127.0.0.1:${PORT_OF[$id]}/  ($id)"; fi
        ;;
      log)
        echo "  Log file:            $(server_dir "$id")/logs/service.log  ($id)"
        echo "  Last log lines:      $SCHEME://127.0.0.1:${PORT_OF[$id]}/log?tail=20  ($id)"
        ;;
    esac
  done
  if ((SERVICE_REPLICAS > 1)); then
    echo "  Each log instance writes its own file: a visit's line is in the file of the instance that logged it."
    echo "  Visit count: PostgreSQL (${VISIT_DB_URL:-jdbc:postgresql://127.0.0.1:5432/servicegrid})"
  fi
  case $SERVICEGRID_TRACING in
    zipkin) echo "  Traces (Zipkin):     http://127.0.0.1:$ZIPKIN_PORT/zipkin/  (sampling ${OTEL_TRACES_SAMPLER_ARG})" ;;
    otlp) echo "  Traces:              sent to $OTEL_EXPORTER_OTLP_ENDPOINT (OTLP, sampling ${OTEL_TRACES_SAMPLER_ARG})" ;;
  esac
  if [ "$SCHEME" = https ]; then
    echo "  HTTPS only; the servers' certificate authority: $TLS_DIR/ca.pem"
    echo "    (curl --cacert $TLS_DIR/ca.pem $SCHEME://127.0.0.1:${PORT_OF[gateway]}/visit/)"
  fi
  return 0
}

# SERVICEGRID_TLS_SAN plus ip:<host> for each of REGISTRY_HOSTS: the names the servers' certificate must hold.
tls_san() {
  local host out=(${SERVICEGRID_TLS_SAN:+"$SERVICEGRID_TLS_SAN"})
  for host in "${HOSTS[@]}"; do out+=("ip:$host"); done
  (IFS=,; echo "${out[*]}")
}

start_all() {
  plan_instances
  local id count=${#INSTANCES[@]}
  for id in "${INSTANCES[@]}"; do
    if (exec 3<>"/dev/tcp/${HOST_OF[$id]}/${PORT_OF[$id]}") 2>/dev/null; then # anything listening, HTTP or HTTPS
      echo "$(address_of "$id") is already in use (is the system already running? ./run.sh stop)" >&2
      exit 1
    fi
  done
  REGISTRY_URLS=$(registry_list "$SCHEME://" 0)
  CLUSTER_MEMBERS=$(registry_list "" $CLUSTER_PORT_OFFSET)
  # Several visit instances share the count: an embedded H2 file belongs to one process.
  if ((SERVICE_REPLICAS > 1)); then VISIT_DB=${VISIT_DB:-postgresql}; else VISIT_DB=${VISIT_DB:-h2}; fi
  if [ "$VISIT_DB" = postgresql ] && [ -z "${VISIT_DB_URL:-}" ]; then
    scripts/ensure-postgresql.sh
  fi
  echo "Building (mvn package, tests skipped)..."
  mvn -B -q -DskipTests package
  scripts/ensure-credentials.sh  # the key pair and the services' tokens, when missing (the build makes them too)
  if [ "$SCHEME" = https ]; then
    # Keystore, truststore and their authority, when missing; the certificate must name every registry host.
    SERVICEGRID_TLS_DIR=$TLS_DIR SERVICEGRID_TLS_SAN=$(tls_san) scripts/ensure-tls.sh
  fi
  mkdir -p "$(dirname "$RECORD")"
  for id in "${INSTANCES[@]}"; do echo "$id ${SERVER_OF[$id]} ${PORT_OF[$id]} ${HOST_OF[$id]}"; done >"$RECORD"
  local started=$SECONDS
  if [ "$SERVICEGRID_TRACING" = zipkin ] && [ "$ZIPKIN_EXTERNAL" != true ]; then start_zipkin; fi
  # The registry nodes first, so that the services find them at once; then the services side by side (each
  # registers by itself, and the gateway reads the catalog once a registry answers).
  start_tier registry
  start_tier log visit gateway
  if ((count == 4)); then count=four; fi
  echo "All $count servers ready in $((SECONDS - started))s."
  print_urls
}

case "${1:-run}" in
  run)
    trap 'stop_all; exit 0' INT TERM
    start_all
    echo
    echo "Press Ctrl-C to stop all servers."
    sleep infinity &
    wait $!
    ;;
  start) start_all ;;
  stop) stop_all ;;
  status) status_all ;;
  *) echo "usage: $0 [run|start|stop|status]" >&2; exit 2 ;;
esac
