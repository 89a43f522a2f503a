#!/usr/bin/env bash
# Visits/s straight at the visit server (:20003) with this tree's WAR (count in H2) against another visit WAR
# (e.g. one built from a commit that kept the count in a file), alternating A B A B on the same registry and
# log servers. Needs a built tree (./run.sh start && ./run.sh stop, or mvn -DskipTests package) and wrk.
#   bench/visit-store.sh /path/to/other/visit.war
# Binds the system's fixed ports 20000-20003: run it while nothing else uses them.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
OTHER=${1:?usage: bench/visit-store.sh OTHER_VISIT_WAR}
WLP="$PWD/target/liberty/wlp"
THIS=$(mktemp --suffix=.war)
cp "$WLP/usr/servers/visit/apps/visit.war" "$THIS"
ready() { await_ready "http://127.0.0.1:$1/health/ready" "port $1" 180; }
cleanup() {
  cp "$THIS" "$WLP/usr/servers/visit/apps/visit.war"
  rm -f "$THIS"
  for server in visit log registry; do "$WLP/bin/server" stop "$server" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
"$WLP/bin/server" start registry >/dev/null; ready 20000
"$WLP/bin/server" start log >/dev/null; ready 20002
run() {
  cp "$2" "$WLP/usr/servers/visit/apps/visit.war"
  "$WLP/bin/server" start visit >/dev/null; ready 20003
  wrk -t2 -c16 -d8s http://127.0.0.1:20003/ >/dev/null
  echo "== $1"
  wrk -t2 -c16 -d20s --latency http://127.0.0.1:20003/ | grep -E "Requests/sec|50%|99%|Non-2xx"
  local db="$WLP/usr/servers/visit/data/visits.mv.db"
  if [ -f "$db" ]; then echo "   visits.mv.db: $(stat -c %s "$db") bytes"; fi
  "$WLP/bin/server" stop visit >/dev/null
}
for round in 1 2; do
  run "this tree (H2)" "$THIS"
  run "other ($OTHER)" "$OTHER"
done
