#!/usr/bin/env bash
# Benchmarks the registry server on 127.0.0.1:20000 (or BENCH_REGISTRY_PORT) with fake instances that are real HTTP servers on loopback:
#   registrations/s and p99 (16 clients, 2000 instances), twice: from Java clients (RegistryBench) and from wrk
#   (bench/register.lua), whose client costs far less of the 2 cores the registry shares with it;
#   fan-out to 200 dependents; silent-instance detection. REGISTRY_WARMUPS=3 unmeasured passes of the loads first.
# Installs Debian's wrk when missing; starts the registry server from the build's Liberty install (building it if
# needed) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
WLP="$PWD/target/liberty/wlp"
PORT=${BENCH_REGISTRY_PORT:-20000}
REGISTRY=http://127.0.0.1:$PORT

if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f "$WLP/usr/servers/registry/apps/registry.war" ]; then
  mvn -B -q -DskipTests package
fi
if curl -s -o /dev/null --max-time 1 "$REGISTRY/"; then
  echo "Port $PORT is in use; stop the running system first (./run.sh stop)." >&2
  exit 1
fi
# Registrations need a token: the admin token of the build's credentials (scripts/ensure-credentials.sh), which
# RegistryBench reads itself and bench/register.lua takes from BENCH_TOKEN.
scripts/ensure-credentials.sh
export BENCH_TOKEN=${BENCH_TOKEN:-$(cat "$WLP/usr/shared/resources/servicegrid-auth/admin.jwt")}
work=$(mktemp -d)
HTTP_PORT=$PORT "$WLP/bin/server" start registry >/dev/null
trap '"$WLP/bin/server" stop registry >/dev/null; rm -rf "$work"' EXIT
await_ready "$REGISTRY/health/ready" registry 120

warm_registry "$REGISTRY"
echo "# $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), after ${REGISTRY_WARMUPS:-3} unmeasured passes"
timeout 1200 java -Dregistry.pid="$(cat "$WLP/usr/servers/.pid/registry.pid")" bench/RegistryBench.java "$REGISTRY"

# wrk: the fakes' process writes the 2000 bodies, answers heart-beats while wrk runs, and deregisters them all
# when its standard input (the fifo) closes.
mkfifo "$work/hold"
timeout 300 java -Dserve.fakes="$work/bodies" bench/RegistryBench.java "$REGISTRY" <"$work/hold" &
fakes=$!
exec 3>"$work/hold"
deadline=$((SECONDS + 60))
until [ -f "$work/bodies" ]; do
  ((SECONDS < deadline)) || { echo "fake hosts not started in 60 s" >&2; exit 1; }
  sleep 0.2
done
BODIES="$work/bodies" timeout 60 wrk -t2 -c16 -d10s -s bench/register.lua "$REGISTRY/services" >/dev/null
out=$(BODIES="$work/bodies" timeout 60 wrk -t2 -c16 -d10s --latency -s bench/register.lua "$REGISTRY/services")
exec 3>&-
wait "$fakes"
awk '/^Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} /^refused/ {refused = $2}
  END {printf "registrations (wrk -t2 -c16 -d10s, cycling through 2000 instances of 20 services x 100 addresses): " \
    "%s registrations/s, p50 %s, p99 %s, %s not answered 200\n", rps, p50, p99, refused}' <<<"$out"

# The ceiling for comparison: the cheapest JAX-RS call this registry serves (GET one service's instances, a
# table read and a short JSON answer), from the same wrk client.
out=$(timeout 60 wrk -t2 -c16 -d10s --latency "$REGISTRY/services/none")
awk '/^Requests\/sec/ {rps = $2} $1 == "99%" {p99 = $2}
  END {printf "ceiling: GET /services/none (wrk -t2 -c16 -d10s): %s requests/s, p99 %s\n", rps, p99}' <<<"$out"
