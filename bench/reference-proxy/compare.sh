#!/usr/bin/env bash
# Measuring aid: direct vs gateway vs reference proxy in front of the same cheap upstream, interleaved rounds.
# Usage: compare.sh DIRECT_URL GATEWAY_URL REFERENCE_URL [rounds] [duration] [NGINX_URL]
set -euo pipefail
direct=$1 gateway=$2 reference=$3 rounds=${4:-3} duration=${5:-10s} nginx=${6:-}
run() { wrk -t2 -c16 -d"$duration" --latency "$1" | awk -v n="$2" '
  /^Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {bad=$4}
  END {printf "%-10s %10s req/s  p50 %-9s p99 %-9s non2xx %s\n", n, rps, p50, p99, bad+0}'; }
for url in "$direct" "$gateway" "$reference" $nginx; do wrk -t2 -c16 -d10s "$url" >/dev/null; done
for i in $(seq "$rounds"); do
  run "$direct" direct; run "$gateway" gateway; run "$reference" reference
  if [ -n "$nginx" ]; then run "$nginx" nginx; fi
done
