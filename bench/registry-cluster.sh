#!/usr/bin/env bash
# One registry node against a cluster of three, in one run: the registry figures of bench/RegistryBench.java (registrations, lookups,
# fan-out, detection; fake instances are real HTTP servers on loopback) against one registry node, then against a
# cluster of three nodes (embedded Hazelcast members on loopback, the way `REGISTRY_NODES=3 ./run.sh` starts them),
# with the benchmark talking to the first node; then the same figures side by side.
# Starts and stops the registry servers itself (the system must not be running); every step bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
WLP="$PWD/target/liberty/wlp"
PORTS=(20000 20100 20200)
CLUSTER_PORT_OFFSET=50
MEMBERS="127.0.0.1:20050,127.0.0.1:20150,127.0.0.1:20250"

if [ ! -f "$WLP/usr/servers/registry/apps/registry.war" ]; then
  mvn -B -q -DskipTests package
fi
for port in "${PORTS[@]}"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    echo "Port $port is in use; stop the running system first (./run.sh stop)." >&2
    exit 1
  fi
done
work=$(mktemp -d)

# Node 0 is the registry server itself; nodes 1 and 2 run the same server with their own output directory.
output_dir() { if (($1 == 0)); then echo "$WLP/usr/servers"; else echo "$WLP/usr/instances/bench-registry-$1"; fi; }
node() { # node <index> <start|stop> [clustered]
  local index=$1 action=$2 env=(WLP_OUTPUT_DIR="$(output_dir "$1")" HTTP_PORT="${PORTS[$1]}")
  if [ "${3:-}" = clustered ]; then
    env+=(REGISTRY_CLUSTER_PORT=$((PORTS[index] + CLUSTER_PORT_OFFSET)) REGISTRY_CLUSTER_MEMBERS="$MEMBERS")
  fi
  env "${env[@]}" timeout 180 "$WLP/bin/server" "$action" registry >/dev/null || true
}
stop_all() { for index in 2 1 0; do node "$index" stop; done; }
trap 'stop_all; rm -rf "$work"' EXIT
node_ready() { await_ready "http://127.0.0.1:${PORTS[$1]}/health/ready" "registry node $1" 180; }
bench() { # bench <label>
  timeout 1200 java -Dregistry.pid="$(cat "$WLP/usr/servers/.pid/registry.pid")" bench/RegistryBench.java \
    "http://127.0.0.1:${PORTS[0]}" | tee "$work/$1"
}

echo "# $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "## one registry node"
node 0 start
node_ready 0
bench one
node 0 stop

echo "## three registry nodes (the benchmark talks to the first)"
for index in 0 1 2; do node "$index" start clustered & done
wait
for index in 0 1 2; do node_ready "$index"; done
bench three

echo
echo "| workload | 1 node | 3 nodes |"
echo "| --- | --- | --- |"
# Each line of RegistryBench is "<workload>: <figures>"; the same workloads in the same order in both runs.
paste -d '\n' "$work/one" "$work/three" | awk -F': ' 'NR % 2 == 1 {key = $1; one = substr($0, length($1) + 3); next}
  {three = substr($0, length($1) + 3); printf "| %s | %s | %s |\n", key, one, three}'
