#!/usr/bin/env bash
# The benchmark of record, one command, one table, every figure from the same run beside its reference:
#   starts the system (./run.sh start, timed), a reference Liberty server with the gateway's features and the
#   bench/reference servlets (trivial GET, minimal pooled proxy, plain locked append) on :20010, and nginx in front
#   of the same cheap upstream on :20020; warms each path, then measures it with wrk (-t2 -c16):
#   cheap upstream direct / through the gateway / through the reference proxy / through nginx, visit through the
#   gateway against the trivial servlet and against three bare Liberty hops (a second reference server on :20011
#   relaying to the reference proxy, which forwards to the cheap upstream: the visit path's three servers doing
#   nothing but forwarding), POST /log against the plain append; then the registry figures
#   (bench/RegistryBench.java against the system's registry), and the RSS of each server after all that.
# All of that with tracing off. Then the tracing rows: the system restarted with tracing at 100 %, then at 10 %
#   (SERVICEGRID_TRACING=otlp, the spans posted over OTLP/HTTP to a sink on nginx's :20021 that answers 200 and
#   discards them, so that no trace store takes the CPU), its gateway and visit paths warmed, then measured
#   in rounds alternating with their references (reference proxy, three hops: not traced, up throughout); each
#   phase's ratio to its reference against the same ratio with tracing off. The floor of those rows, in the same
#   phases: a third reference server (:20012) traced by Liberty itself with the phase's settings, its proxy servlet to
#   the same (traced) upstream and its trivial servlet, against their untraced twins.
# Loopback only; every step is bounded by `timeout`. Installs Debian's wrk and nginx-light when missing.
#   DURATION=5 ROUNDS=3 WARMUP=10s WARMUP_PASSES=6 TRACING_WARMUP_PASSES=6 REGISTRY_WARMUPS=3 bench/run.sh
#   (req/s over all rounds; p50 and p99 of the median round)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/lib.sh
WLP="$ROOT/target/liberty/wlp"
DURATION=${DURATION:-5}  # seconds per round
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10s}
# Passes over every path before measuring, and unmeasured registry passes (warm_registry, bench/lib.sh): each path of
# a freshly started server kept climbing for 60-100 s of load (JIT), e.g. visits 0.3 k/s in the first 10 s, 4-5 k/s
# after 100 s.
WARMUP_PASSES=${WARMUP_PASSES:-6}
# Passes over gateway and visit after each restart with tracing: as many as the tracing-off rows had, so that the
# traced paths' own warm-up matches the one their "x tracing off" is divided by (a tracing-off visit path climbed
# for 60-100 s; fewer passes would bill unfinished JIT to tracing, more than the 3 % that the 10 % goal allows).
TRACING_WARMUP_PASSES=${TRACING_WARMUP_PASSES:-$WARMUP_PASSES}
export REGISTRY_WARMUPS=${REGISTRY_WARMUPS:-3}
CONNECTIONS=16
REFERENCE=bench-reference
TRACED=bench-traced # the reference server again, traced by Liberty itself as a tracing phase traces the system
RELAY=bench-relay # a second reference server whose proxy forwards to the first: the three-hop row
SINK_PORT=20021    # bench/nginx.conf's spans sink
# Tracing off unless a phase below turns it on (run.sh then exports OTEL_SDK_DISABLED=false for the system only).
export SERVICEGRID_TRACING=off OTEL_SDK_DISABLED=true

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if ((${#need[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  "$WLP/bin/server" stop "$REFERENCE" >/dev/null 2>&1 || true
  "$WLP/bin/server" stop "$RELAY" >/dev/null 2>&1 || true
  "$WLP/bin/server" stop "$TRACED" >/dev/null 2>&1 || true
  ./run.sh stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- start everything ----------------------------------------------------------------------------------------------
timeout 900 ./run.sh start | tee "$work/start.log"
start_seconds() { sed -n 's/^All four servers ready in \([0-9]*\)s.*/\1/p' "$1"; }

mvn -B -q -f bench/reference/pom.xml package
# start_reference NAME PORT UPSTREAM [env...]: a reference server (bench/reference) whose proxy forwards to UPSTREAM,
# started with the environment given (a traced one's OTEL_* settings)
start_reference() {
  local server_dir="$WLP/usr/servers/$1"
  [ -d "$server_dir" ] || "$WLP/bin/server" create "$1" >/dev/null
  cp bench/reference/src/main/liberty/server.xml "$server_dir/server.xml"
  printf 'http.port=%s\nreference.upstream=%s\n' "$2" "$3" >"$server_dir/bootstrap.properties"
  mkdir -p "$server_dir/apps"
  cp bench/reference/target/reference.war "$server_dir/apps/reference.war"
  env "${@:4}" "$WLP/bin/server" start "$1" >/dev/null
}
start_reference "$REFERENCE" 20010 127.0.0.1:20002
start_reference "$RELAY" 20011 127.0.0.1:20010
await_ready http://127.0.0.1:20010/ping "reference server" 120
await_ready http://127.0.0.1:20011/ping "relay reference server" 120

mkdir -p "$work/tmp"
"$NGINX" -p "$work" -c "$ROOT/bench/nginx.conf"
await_ready http://127.0.0.1:20020/heart-beat nginx 30

# --- measuring -----------------------------------------------------------------------------------------------------
to_ms() { # wrk prints 850.00us / 1.23ms / 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.2f", n }'
}
# warm URL [env for count.lua]: load without measuring (JIT, pools); prints the rate, to show the climb
warm() {
  local url=$1
  shift
  env "$@" timeout 120 wrk -t2 -c$CONNECTIONS -d"$WARMUP" -s bench/count.lua "$url" \
    | awk '/Requests\/sec/ {printf " %.0f", $2}' >&2
}
# measure NAME URL [env for count.lua]: one round; adds its requests, seconds, 200s, failures, p50 and p99 to NAME's
declare -A REQS SECS ACK BAD P50S P99S RATE P50 P99 LOGGED MISSING
measure() {
  local name=$1 url=$2 out total seconds errors
  shift 2
  out=$(env "$@" timeout 120 wrk -t2 -c$CONNECTIONS -d"${DURATION}s" --latency -s bench/count.lua "$url")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  seconds=$(awk '/requests in/ {sub(/s,$/, "", $4); print $4}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  local ack
  ack=$(awk '/^acknowledged/ {print $2}' <<<"$out")
  REQS[$name]=$((${REQS[$name]:-0} + total))
  SECS[$name]=$(awk -v a="${SECS[$name]:-0}" -v b="$seconds" 'BEGIN {print a + b}')
  ACK[$name]=$((${ACK[$name]:-0} + ack))
  BAD[$name]=$((${BAD[$name]:-0} + total - ack + ${errors:-0}))
  P50S[$name]+="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")") "
  P99S[$name]+="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") "
  echo "  $name: $(awk -v r="$total" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')/s" >&2
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# summarize NAME: the rate over all rounds, the median round's p50 and p99
summarize() {
  RATE[$1]=$(awk -v r="${REQS[$1]}" -v s="${SECS[$1]}" 'BEGIN {printf "%.0f", r / s}')
  P50[$1]=$(median "${P50S[$1]}")
  P99[$1]=$(median "${P99S[$1]}")
}
service_log="$WLP/usr/servers/log/logs/service.log"

echo "Measuring (wrk -t2 -c$CONNECTIONS, $WARMUP_PASSES x $WARMUP warm-up, then $ROUNDS rounds of ${DURATION}s per row)..."
POST=(BENCH_METHOD=POST BENCH_BODY="benchmark line")
# A traced visit's line ends with its trace id: " visit 7 trace_id=<32 hex>".
visit_numbers() {
  cat "$service_log"* 2>/dev/null | grep -oE ' visit [0-9]+( trace_id=[0-9a-f]{32})?$' | awk '{print $2}' || true
}
last_visit() { visit_numbers | sort -n | tail -1 | awk '{print $1 + 0} END {if (NR == 0) print 0}'; }
# numbers_after N: "count missing" of the visit numbers above N in the log files, missing = the gaps up to the highest
numbers_after() {
  visit_numbers | awk -v n="$1" '$1 > n' | sort -nu \
    | awk -v n="$1" '{c++; m = $1} END {print c + 0, (c ? m - n - c : 0)}'
}
# measure_visits NAME: a round of visits through the gateway; adds the visit numbers logged meanwhile, and the gaps
# between them, to NAME's. Counted by number after each visit row: rotation (log.rotate.*) drops the oldest files
# while the rows run, but keeps far more than one row's lines.
measure_visits() {
  local before added missing
  before=$(last_visit)
  measure "$1" http://127.0.0.1:20001/visit/
  read -r added missing < <(numbers_after "$before")
  LOGGED[$1]=$((${LOGGED[$1]:-0} + added))
  MISSING[$1]=$((${MISSING[$1]:-0} + missing))
}
sink_lines() { wc -l <"$work/spans.log"; }
# sink_between FROM TO: "posts bytes non-2xx" of the sink's access log lines FROM+1..TO (status, request bytes, body
# bytes per line)
sink_between() {
  awk -v a="$1" -v b="$2" 'NR > a && NR <= b {n++; if ($3 ~ /^[0-9]+$/) bytes += $3; if ($1 != 200 && $1 != 202) bad++}
    END {printf "%d %d %d\n", n, bytes, bad}' "$work/spans.log"
}
echo " warm-up req/s, a pass a line: servlet, direct, gateway, proxy, nginx, visit, three hops, append, log" >&2
for ((pass = 1; pass <= WARMUP_PASSES; pass++)); do
  for url in http://127.0.0.1:20010/ping http://127.0.0.1:20002/heart-beat http://127.0.0.1:20001/log/heart-beat \
      http://127.0.0.1:20010/proxy/heart-beat http://127.0.0.1:20020/heart-beat http://127.0.0.1:20001/visit/ \
      http://127.0.0.1:20011/proxy/proxy/heart-beat; do
    warm "$url"
  done
  warm http://127.0.0.1:20010/append "${POST[@]}"
  warm http://127.0.0.1:20002/log "${POST[@]}"
  echo >&2
done
# Each path and its reference alternate, round after round, so that a change of this machine's speed meets both.
sink_from=$(sink_lines)
mark="measured line $$-$RANDOM" # the measured lines' own mark: rotation (log.rotate.*) drops the oldest files
for ((round = 1; round <= ROUNDS; round++)); do
  echo " round $round of $ROUNDS" >&2
  measure servlet http://127.0.0.1:20010/ping
  measure direct http://127.0.0.1:20002/heart-beat
  measure gateway http://127.0.0.1:20001/log/heart-beat
  measure proxy http://127.0.0.1:20010/proxy/heart-beat
  measure nginx http://127.0.0.1:20020/heart-beat
  measure_visits visit
  measure hops http://127.0.0.1:20011/proxy/proxy/heart-beat
  measure append http://127.0.0.1:20010/append "${POST[@]}"
  measure log http://127.0.0.1:20002/log BENCH_METHOD=POST BENCH_BODY="$mark"
done
read -r sink_off _ < <(sink_between "$sink_from" "$(sink_lines)")
for name in servlet direct gateway proxy nginx visit hops append log; do summarize "$name"; done
log_lines=$(cat "$service_log"* | grep -c -- " $mark\$" || true)

echo "Registry (bench/RegistryBench.java against :20000): $REGISTRY_WARMUPS unmeasured passes of its loads first..."
warm_registry http://127.0.0.1:20000
timeout 900 java bench/RegistryBench.java http://127.0.0.1:20000 | tee "$work/registry.txt"

rss() {
  local pid
  pid=$(cat "$WLP/usr/servers/.pid/$1.pid" 2>/dev/null || true)
  [ -n "$pid" ] && echo $(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024)) || echo "?"
}
rss_all() { echo "registry $(rss registry) MB, log $(rss log) MB, visit $(rss visit) MB, gateway $(rss gateway) MB"; }
rss_off=$(rss_all)

# --- tracing -------------------------------------------------------------------------------------------------------
# tracing_phase PERCENT RATIO: the system restarted with tracing at RATIO, its spans posted to the sink over OTLP (no
# trace store: its ingestion would take the CPU the servers need; OTLP, because Liberty's Zipkin exporter took 2.6 x
# the CPU per request while dropping most spans, decision 0011); gateway and visit warmed, then measured in rounds
# alternating with the trivial servlet of the reference server (not traced, up throughout), and the traced reference
# server's proxy and trivial servlet (the floor): rows gateway_, visit_, servlet_, tracedproxy_, tracedservlet_PERCENT;
# the sink's posts during the rounds in SINK[PERCENT]. The untraced reference proxy and three hops cannot serve here:
# their upstream is the system's log server, restarted with tracing too.
declare -A START SINK RSS_ON
tracing_phase() {
  local pct=$1 from pass round name
  echo "Tracing $pct %: restarting the system, spans to the sink on :$SINK_PORT..." >&2
  timeout 300 ./run.sh stop >/dev/null
  timeout 900 env SERVICEGRID_TRACING=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT \
    OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf SERVICEGRID_TRACING_RATIO="$2" \
    OTEL_TRACES_SAMPLER=parentbased_traceidratio ./run.sh start \
    | tee "$work/start-$pct.log"
  START[$pct]=$(start_seconds "$work/start-$pct.log")
  "$WLP/bin/server" stop "$TRACED" >/dev/null 2>&1 || true
  start_reference "$TRACED" 20012 127.0.0.1:20002 OTEL_SDK_DISABLED=false OTEL_TRACES_EXPORTER=otlp \
    OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    OTEL_METRICS_EXPORTER=none \
    OTEL_LOGS_EXPORTER=none OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG="$2" \
    OTEL_SERVICE_NAME=reference
  await_ready http://127.0.0.1:20012/ping "traced reference server" 120
  echo " tracing $pct %, warm-up req/s, a pass a line: gateway, visit, traced reference proxy, traced servlet" >&2
  for ((pass = 1; pass <= TRACING_WARMUP_PASSES; pass++)); do
    warm http://127.0.0.1:20001/log/heart-beat
    warm http://127.0.0.1:20001/visit/
    warm http://127.0.0.1:20012/proxy/heart-beat
    warm http://127.0.0.1:20012/ping
    echo >&2
  done
  from=$(sink_lines)
  for ((round = 1; round <= ROUNDS; round++)); do
    echo " tracing $pct %, round $round of $ROUNDS" >&2
    measure "gateway_$pct" http://127.0.0.1:20001/log/heart-beat
    measure "servlet_$pct" http://127.0.0.1:20010/ping
    measure_visits "visit_$pct"
    measure "servlet_$pct" http://127.0.0.1:20010/ping
    measure "tracedproxy_$pct" http://127.0.0.1:20012/proxy/heart-beat
    measure "tracedservlet_$pct" http://127.0.0.1:20012/ping
  done
  SINK[$pct]=$(sink_between "$from" "$(sink_lines)")
  for name in gateway visit servlet tracedproxy tracedservlet; do summarize "${name}_$pct"; done
  RSS_ON[$pct]=$(rss_all)
}
tracing_phase 100 1.0
tracing_phase 10 0.1
visit_duplicates=$(visit_numbers | sort | uniq -d | wc -l)

# --- the table -----------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() { # name label ratio-text
  printf '| %s | %s | %s | %s | %s | %s |\n' "$2" "${RATE[$1]}" "${P50[$1]}" "${P99[$1]}" "${BAD[$1]}" "$3"
}
echo
echo "## $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), wrk -t2 -c$CONNECTIONS, $WARMUP_PASSES x $WARMUP warm-up (every path, in turn), registry $REGISTRY_WARMUPS unmeasured passes, then $ROUNDS rounds of ${DURATION}s per path, paths alternating;" \
  "tracing rows: the system restarted with tracing at 100 %, then 10 %, $TRACING_WARMUP_PASSES x $WARMUP warm-up" \
  "(gateway, visit), $ROUNDS rounds"
echo
echo "| path | req/s | p50 ms | p99 ms | non-2xx | ratio (goal) |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
row servlet "trivial servlet, reference server \`:20010/ping\`" "reference"
row direct "cheap upstream direct \`:20002/heart-beat\`" "reference"
row gateway "gateway \`:20001/log/heart-beat\`" \
  "$(ratio "${RATE[gateway]}" "${RATE[proxy]}") x reference proxy (>= 0.9); $(ratio "${RATE[gateway]}" "${RATE[direct]}") x direct; added p50 $(awk -v a="${P50[gateway]}" -v b="${P50[direct]}" 'BEGIN {printf "%.2f", a - b}') ms (<= 1)"
row proxy "reference proxy (HttpClient 5 classic, pooled) \`:20010/proxy/heart-beat\`" \
  "$(ratio "${RATE[proxy]}" "${RATE[direct]}") x direct"
row nginx "nginx \`:20020/heart-beat\`, keep-alive upstream" "$(ratio "${RATE[nginx]}" "${RATE[direct]}") x direct"
row visit "visit through the gateway \`:20001/visit/\`" \
  "$(ratio "${RATE[visit]}" "${RATE[servlet]}") x trivial servlet (>= 0.19); p99 <= 10 ms; $(ratio "${RATE[visit]}" "${RATE[hops]}") x three hops"
row hops "three bare Liberty hops \`:20011/proxy/proxy/heart-beat\` (relay -> reference proxy -> cheap upstream)" \
  "$(ratio "${RATE[hops]}" "${RATE[servlet]}") x trivial servlet: the floor of a path through three servers"
row append "plain locked append servlet \`POST :20010/append\`" "reference"
row log "\`POST :20002/log\`, one line each" "$(ratio "${RATE[log]}" "${RATE[append]}") x plain append (>= 0.9)"
# x_off ON REF OFF OFF_REF: a path's ratio to its reference with tracing on, over the same ratio with tracing off
x_off() {
  awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { printf "%.2f", (b > 0 && c > 0 ? (a / b) / (c / d) : 0) }'
}
plus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f", a - b }'; }
# moved REF OFF: a reference row of a tracing phase against the same reference's tracing-off row
moved() {
  echo "reference; $(ratio "${RATE[$1]}" "${RATE[$2]}") x its tracing-off row, p99 $(plus "${P99[$1]}" "${P99[$2]}") ms"
}
# tracing_rows PERCENT GOAL: a tracing phase's three rows; at 10 %, the traced paths' p99 against tracing off too
tracing_rows() {
  local pct=$1 path ref=servlet_$1 off p99_gateway="" p99_visit=""
  if [ "$pct" = 10 ]; then
    p99_gateway="; p99 $(plus "${P99[gateway_$pct]}" "${P99[gateway]}") ms vs tracing off (<= 1)"
    p99_visit="; p99 $(plus "${P99[visit_$pct]}" "${P99[visit]}") ms vs tracing off (<= 1)"
  fi
  path=gateway_$pct
  off=$(x_off "${RATE[$path]}" "${RATE[$ref]}" "${RATE[gateway]}" "${RATE[servlet]}")
  row "$path" "gateway \`:20001/log/heart-beat\`, tracing $pct %" \
    "$(ratio "${RATE[$path]}" "${RATE[$ref]}") x trivial servlet (same phase); $off x tracing off (>= $2)$p99_gateway"
  path=visit_$pct
  off=$(x_off "${RATE[$path]}" "${RATE[$ref]}" "${RATE[visit]}" "${RATE[servlet]}")
  row "$path" "visit through the gateway \`:20001/visit/\`, tracing $pct %" \
    "$(ratio "${RATE[$path]}" "${RATE[$ref]}") x trivial servlet (same phase); $off x tracing off (>= $2)$p99_visit"
  row "$ref" "trivial servlet \`:20010/ping\` (same phase, not traced)" "$(moved "$ref" servlet)"
  path=tracedproxy_$pct
  off=$(x_off "${RATE[$path]}" "${RATE[$ref]}" "${RATE[proxy]}" "${RATE[servlet]}")
  row "$path" "reference proxy traced by Liberty \`:20012/proxy/heart-beat\`, tracing $pct % (floor)" \
    "$off x the reference proxy with tracing off: what tracing costs a bare proxy servlet on the same Liberty, to the same upstream"
  row "tracedservlet_$pct" "trivial servlet traced by Liberty \`:20012/ping\`, tracing $pct % (floor)" \
    "$(ratio "${RATE[tracedservlet_$pct]}" "${RATE[$ref]}") x the same servlet not traced (same phase)"
}
tracing_rows 100 0.90
tracing_rows 10 0.97
echo
echo "- visits answered 200: ${ACK[visit]}; visit numbers logged meanwhile: ${LOGGED[visit]}" \
  "(more only by the visits in flight when wrk stopped), missing between them: ${MISSING[visit]};" \
  "with tracing 100 %: ${ACK[visit_100]}, ${LOGGED[visit_100]}, missing ${MISSING[visit_100]};" \
  "10 %: ${ACK[visit_10]}, ${LOGGED[visit_10]}, missing ${MISSING[visit_10]};" \
  "visit numbers found twice in the log files: $visit_duplicates"
# sink_text PERCENT: the sink's posts during that phase's rounds, and their bytes per request of its traced rows
sink_text() {
  local posts bytes bad requests
  requests=$((${REQS[gateway_$1]} + ${REQS[visit_$1]} + ${REQS[tracedproxy_$1]} + ${REQS[tracedservlet_$1]}))
  read -r posts bytes bad <<<"${SINK[$1]}"
  echo "$posts posts, $((bytes / 1024)) KB, $(awk -v b="$bytes" -v r="$requests" \
    'BEGIN { printf "%.0f", (r > 0 ? b / r : 0) }') bytes per traced request, not 200: $bad"
}
echo "- spans sink (nginx \`POST :$SINK_PORT/v1/traces\`, OTLP, 200, body discarded), posts received during the" \
  "measured rounds: tracing off $sink_off; tracing 100 %: $(sink_text 100); tracing 10 %: $(sink_text 10)"
echo "- POST /log answered 200: ${ACK[log]}; their lines in the file: $log_lines" \
  "(more only by the requests in flight when wrk stopped: written, not yet acknowledged)"
echo "- start-up, \`./run.sh start\` on a built tree -> all four ready: $(start_seconds "$work/start.log") s" \
  "(goal <= 20 s); with tracing 100 %: ${START[100]:-?} s, 10 %: ${START[10]:-?} s"
echo "- RSS after the tracing-off rows and the registry figures: $rss_off (goal <= 250 MB each);" \
  "after the rows with tracing 100 %: ${RSS_ON[100]}; 10 %: ${RSS_ON[10]}"
echo "- registry (16 Java HttpClient threads; goals: >= 3000 new registrations/s with p99 <= 40 ms," \
  "lookups of a 2000-instance service >= 2000/s, last of 200 dependents notified <= 50 ms for the worst of 40 changes):"
sed 's/^/  - /' "$work/registry.txt"
