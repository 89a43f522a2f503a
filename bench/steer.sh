#!/usr/bin/env bash
# Traffic steering, measured through the gateway of a two-instance system (SERVICE_REPLICAS=2 ./run.sh start, so the
# visit count is in PostgreSQL): which instance served each request, read from the instances' own counters
# (log_lines_appended_total, visit_visits_counted_total), and what a drain does to traffic under load.
#   phase 1, REPLICA_META_1="weight=3", REPLICA_META_2="weight=1 version=2.0", GATEWAY_CANARY="visit=2.0@10":
#     REQUESTS POST /log/log through the gateway (weights 3:1, goal 75 % +- 3 % to log), REQUESTS visits (a 10 %
#     canary, goal 10 % +- 2 % to visit-2); then 8 wrk connections visiting while visit (:20003) is taken out of
#     service: failed requests (goal none), time from the PUT's answer to the last visit it counted (goal <= 1 s),
#     and after it is put back, the time to its first visit again (goal <= 1 s)
#   phase 2, REPLICA_META_1="zone=a" (the gateway and the first instances), REPLICA_META_2="zone=b": log posts go
#     to zone a only (goal 100 %), and with log (:20002) out of service, to zone b (goal 100 %)
#   cost: gateway and visit req/s with phase 1's weights and canary against the same system without Meta or rule
#     (phase 0), each after the same warm-up (goal within 3 %)
# Loopback only; every step bounded by timeout. Needs wrk (Debian's), as bench/run.sh installs it.
#   REQUESTS=4000 DURATION=5 WARMUP=10s WARMUP_PASSES=8 bench/steer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
REQUESTS=${REQUESTS:-4000}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-10s}
WARMUP_PASSES=${WARMUP_PASSES:-8} # a fresh server's paths climb for 60-100 s (bench/run.sh)
AUTH_DIR=target/liberty/wlp/usr/shared/resources/servicegrid-auth
export SERVICE_REPLICAS=2 SERVICEGRID_TRACING=off
command -v wrk >/dev/null || { echo "bench/steer.sh needs wrk (apt-get install wrk)" >&2; exit 1; }

trap './run.sh stop >/dev/null 2>&1 || true' EXIT

# counter PORT NAME: an application counter of the instance on PORT (0 before its first count); Prometheus format,
# e.g. visit_visits_counted_total{mp_scope="application",} 90.0
counter() {
  curl -fs --max-time 5 "http://127.0.0.1:$1/metrics?scope=application" |
    awk -v n="$2" 'index($1, n "{") == 1 || $1 == n {printf "%.0f", $2; found = 1} END {if (!found) print 0}'
}
lines() { counter "$1" log_lines_appended_total; }
visits() { counter "$1" visit_visits_counted_total; }
now() { date +%s.%N; }
# share PART WHOLE: PART as a percentage of WHOLE
share() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b > 0 ? 100 * a / b : 0)}'; }

# gateway_lists COUNT SERVICE: waits until the gateway's routes list COUNT instances of SERVICE (its notices delivered)
gateway_lists() {
  local deadline=$((SECONDS + 60))
  until curl -fs 'http://127.0.0.1:20001/' -H 'Accept: application/json' | grep -q "\"instances\":$1,\"name\":\"$2\""; do
    ((SECONDS < deadline)) || { echo "the gateway did not list $1 instances of $2 in 60 s" >&2; exit 1; }
    sleep 0.05
  done
}

# start ENV...: the system restarted with ENV, and the gateway knowing both instances of log and visit
start() {
  timeout 300 ./run.sh stop >/dev/null 2>&1 || true
  timeout 900 env "$@" ./run.sh start >/dev/null
  gateway_lists 2 log
  gateway_lists 2 visit
}

# status ADDR SERVICE STATUS: an instance taken out of service or put back, with the admin token
status() {
  curl -fs --max-time 10 -o /dev/null -X PUT "http://127.0.0.1:20000/services/$2/$1/status" \
    -H "Authorization: Bearer $(cat "$AUTH_DIR/admin.jwt")" -d "{\"Status\":\"$3\"}"
}

# posts N: N log lines posted through the gateway on one kept-alive connection; visits_through N: N visits
posts() { timeout 300 curl -fs -o /dev/null -d 'steered line' "http://127.0.0.1:20001/log/log?[1-$1]"; }
visits_through() { timeout 300 curl -fs -o /dev/null "http://127.0.0.1:20001/visit/?[1-$1]"; }

# rate URL: req/s of one wrk round (-t2 -c16) after WARMUP_PASSES unmeasured ones
rate() {
  local pass
  for ((pass = 1; pass <= WARMUP_PASSES; pass++)); do timeout 120 wrk -t2 -c16 -d"$WARMUP" "$1" >/dev/null; done
  timeout 120 wrk -t2 -c16 -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

echo "Phase 0: two instances each, no Meta, no rule" >&2
start
gateway_plain=$(rate http://127.0.0.1:20001/log/heart-beat)
visit_plain=$(rate http://127.0.0.1:20001/visit/)

echo "Phase 1: weights 3:1, version 2.0 on the second instances, a 10 % canary of visit" >&2
start REPLICA_META_1="weight=3" REPLICA_META_2="weight=1 version=2.0" GATEWAY_CANARY="visit=2.0@10"
gateway_steered=$(rate http://127.0.0.1:20001/log/heart-beat)
visit_steered=$(rate http://127.0.0.1:20001/visit/)
a=$(lines 20002) b=$(lines 20102)
posts "$REQUESTS"
weighted_first=$(($(lines 20002) - a)) weighted_second=$(($(lines 20102) - b))
a=$(visits 20003) b=$(visits 20103)
visits_through "$REQUESTS"
canary_first=$(($(visits 20003) - a)) canary_second=$(($(visits 20103) - b))

# Drain under load: 8 connections visit for 20 s; 6 s in, visit (:20003) goes out of service; its counter is read
# every 20 ms until it has stood still for 3 s.
wrk_out=$(mktemp)
timeout 60 wrk -t2 -c8 -d20s -s bench/count.lua http://127.0.0.1:20001/visit/ >"$wrk_out" &
wrk_pid=$!
sleep 6
status 127.0.0.1:20003 visit OUT_OF_SERVICE
drained_at=$(now)
last=$(visits 20003) last_at=$drained_at
while awk -v a="$(now)" -v b="$last_at" 'BEGIN {exit !(a - b < 3)}'; do
  current=$(visits 20003)
  if [ "$current" != "$last" ]; then last=$current last_at=$(now); fi
  sleep 0.02
done
wait "$wrk_pid"
drain_total=$(awk '/requests in/ {print $1}' "$wrk_out")
drain_ok=$(awk '/^acknowledged/ {print $2}' "$wrk_out")
drain_errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$wrk_out")
drain_last=$(awk -v a="$last_at" -v b="$drained_at" 'BEGIN {printf "%.3f", (a > b ? a - b : 0)}')
# Back in service under load: the time from the PUT's answer to its first visit counted.
timeout 60 wrk -t2 -c8 -d10s -s bench/count.lua http://127.0.0.1:20001/visit/ >"$wrk_out" &
wrk_pid=$!
sleep 2
before=$(visits 20003)
status 127.0.0.1:20003 visit UP
up_at=$(now) back_at=""
while [ -z "$back_at" ] && awk -v a="$(now)" -v b="$up_at" 'BEGIN {exit !(a - b < 5)}'; do
  if [ "$(visits 20003)" != "$before" ]; then back_at=$(now); fi
  sleep 0.02
done
wait "$wrk_pid"
up_total=$(awk '/requests in/ {print $1}' "$wrk_out")
up_ok=$(awk '/^acknowledged/ {print $2}' "$wrk_out")
back_after=$([ -n "$back_at" ] && awk -v a="$back_at" -v b="$up_at" 'BEGIN {printf "%.3f", a - b}' || echo "none in 5")
rm -f "$wrk_out"

echo "Phase 2: zones a (the gateway, log, visit) and b (log-2, visit-2)" >&2
start REPLICA_META_1="zone=a" REPLICA_META_2="zone=b"
zone_posts=$((REQUESTS / 4))
a=$(lines 20002) b=$(lines 20102)
posts "$zone_posts"
zone_in=$(($(lines 20002) - a)) zone_out=$(($(lines 20102) - b))
status 127.0.0.1:20002 log OUT_OF_SERVICE
gateway_lists 1 log # the remove notice delivered: from here on no request may reach it
a=$(lines 20002) b=$(lines 20102)
posts "$zone_posts"
zone_drained_in=$(($(lines 20002) - a)) zone_drained_out=$(($(lines 20102) - b))
status 127.0.0.1:20002 log UP

echo
echo "## $(date -u +%Y-%m-%d), $(nproc) cores, SERVICE_REPLICAS=2 ./run.sh start (registry, gateway, two log, two visit)"
echo
echo "| what | measured | goal |"
echo "| --- | --- | --- |"
echo "| weights 3:1 (log, log-2), $REQUESTS POST /log/log through the gateway | $weighted_first : $weighted_second = $(share "$weighted_first" $((weighted_first + weighted_second))) % to weight 3 | 75 % +- 3 % |"
echo "| canary visit=2.0@10, $REQUESTS visits through the gateway | $(share "$canary_second" $((canary_first + canary_second))) % to version 2.0 ($canary_second of $((canary_first + canary_second))) | 10 % +- 2 % |"
echo "| drain visit (:20003) under 8 connections, 20 s of visits | $((drain_total - drain_ok)) of $drain_total not 200, socket errors ${drain_errors:-0}; last visit it counted $drain_last s after the PUT's answer | none failed; <= 1 s |"
echo "| visit back UP under 8 connections | first visit counted $back_after s after the PUT's answer; $((up_total - up_ok)) of $up_total not 200 | <= 1 s |"
echo "| zone a preferred (gateway in zone a), $zone_posts posts | $(share "$zone_in" $((zone_in + zone_out))) % to zone a | 100 % |"
echo "| zone a's log out of service (the gateway told), $zone_posts posts | $(share "$zone_drained_out" $((zone_drained_in + zone_drained_out))) % to zone b | 100 % |"
echo "| cost: gateway \`:20001/log/heart-beat\`, weights + canary configured vs none | $gateway_steered vs $gateway_plain req/s = $(awk -v a="$gateway_steered" -v b="$gateway_plain" 'BEGIN {printf "%.2f", a / b}') x | >= 0.97 |"
echo "| cost: visits through the gateway, weights + canary vs none | $visit_steered vs $visit_plain req/s = $(awk -v a="$visit_steered" -v b="$visit_plain" 'BEGIN {printf "%.2f", a / b}') x | >= 0.97 |"
