#!/usr/bin/env bash
# The registry at scale (bench/ScaleBench.java): NODES registry nodes (clustered as `REGISTRY_NODES=3 ./run.sh start`
# clusters them, tokens on), fake instances on ADDRESSES loopback addresses 127.1.x.y served by the benchmark's own
# non-blocking responder (in processes of at most FLEET_PART addresses), SERVICES_PER_ADDRESS services on each. Prints
# one table: registration and its floor, listing on every node, heart-beats per address per period, registry CPU per
# probe (and per thread category) and its floor (a bare selector loop probing one node's share), lookups and their
# floor, detection of 1 % of the addresses closed at once, memory per node, and with three nodes a kill -9 and a
# rolling restart. Small by default (2 000 addresses, 10 000 instances); 100 000 instances:
# ADDRESSES=20000 (the registry's default heap holds them).
# Settings (environment): ADDRESSES (2000), SERVICES_PER_ADDRESS (5), NODES (3), PERIOD (heart-beat period, ms, 1000),
# WINDOW (steady window, s, 20), SETTLE (s before it, 30), WARMUP (20000), FLEET_PART (8000), BASE_PORT (20900: nodes' HTTP on BASE_PORT+k,
# cluster on BASE_PORT+10+k, fakes on BASE_PORT+20), JVM_ARGS (for the registry JVMs), FAILOVER, LABEL. Starts and
# stops its registry servers itself (by their PID files); every step is bounded by `timeout`. NODE_HOSTS (e.g.
# 127.0.1.1,127.0.1.2,127.0.1.3): node k on the k-th address with the same ports (HTTP BASE_PORT, cluster
# BASE_PORT+10), Hazelcast too, as nodes on three machines run.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
WLP="$PWD/target/liberty/wlp"
NODES=${NODES:-3}
BASE_PORT=${BASE_PORT:-20900}
export ADDRESSES=${ADDRESSES:-2000} SERVICES_PER_ADDRESS=${SERVICES_PER_ADDRESS:-5} PERIOD=${PERIOD:-1000}
export WINDOW=${WINDOW:-20} FAKE_PORT=$((BASE_PORT + 20))

if [ ! -f "$WLP/usr/servers/registry/apps/registry.war" ]; then
  mvn -B -q -DskipTests package
fi
# One socket per fake address plus one per kept-alive heart-beat connection, on both sides.
ulimit -n "$((ADDRESSES * 3 + 10000))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# Node k's address and ports: 127.0.0.1 and ports of its own, or with NODE_HOSTS its own address and the same ports.
NODE_HOSTS=${NODE_HOSTS:-}
IFS=, read -r -a hosts <<<"$NODE_HOSTS"
if ((${#hosts[@]} > 0 && ${#hosts[@]} != NODES)); then
  echo "NODE_HOSTS names ${#hosts[@]} addresses for NODES=$NODES nodes" >&2
  exit 2
fi
host_of() { if [ -n "$NODE_HOSTS" ]; then echo "$NODE_HOSTS" | cut -d, -f$(($1 + 1)); else echo 127.0.0.1; fi; }
http_port_of() { if [ -n "$NODE_HOSTS" ]; then echo "$BASE_PORT"; else echo $((BASE_PORT + $1)); fi; }
cluster_port_of() { if [ -n "$NODE_HOSTS" ]; then echo $((BASE_PORT + 10)); else echo $((BASE_PORT + 10 + $1)); fi; }

members=""
urls=()
for ((k = 0; k < NODES; k++)); do
  url="http://$(host_of "$k"):$(http_port_of "$k")"
  if curl -s -o /dev/null --max-time 1 "$url/"; then
    echo "$url is in use; stop what runs there first." >&2
    exit 1
  fi
  members+="${members:+,}$(host_of "$k"):$(cluster_port_of "$k")"
  urls+=("$url")
done

output_dir() { echo "$WLP/usr/instances/scale-registry-$1"; }
node() { # node <index> <start|stop>
  local env=(WLP_OUTPUT_DIR="$(output_dir "$1")" HTTP_HOST="$(host_of "$1")" HTTP_PORT="$(http_port_of "$1")"
    REGISTRY_HEARTBEAT_PERIOD="$PERIOD")
  if ((NODES > 1)); then
    env+=(REGISTRY_CLUSTER_HOST="$(host_of "$1")" REGISTRY_CLUSTER_PORT="$(cluster_port_of "$1")"
      REGISTRY_CLUSTER_MEMBERS="$members")
  fi
  env "${env[@]}" JVM_ARGS="${JVM_ARGS:-}" timeout 180 "$WLP/bin/server" "$2" registry >/dev/null || true
}
stop_all() { for ((k = NODES - 1; k >= 0; k--)); do node "$k" stop; done; }
trap stop_all EXIT

for ((k = 0; k < NODES; k++)); do node "$k" start & done
wait
pids=""
for ((k = 0; k < NODES; k++)); do
  await_ready "${urls[$k]}/health/ready" "registry node $k" 180
  pids+=" $(cat "$(output_dir "$k")/.pid/registry.pid")"
done

# Failover phases, last (bench/README.md "Scale"): a node killed (kill -9) and started again, then a rolling restart
# under load. Settings: FAILOVER (1 with three nodes, else 0), KILL_NODE, MEMBER_TIMEOUT, ROLL_CLIENTS, ROLL_PAUSE.
# ScaleBench kills, stops and starts nodes with this script's `node` function, exported with what it reads; the EXIT
# trap stops the nodes by their output directories, so a node ScaleBench started again is stopped too.
export -f node output_dir host_of http_port_of cluster_port_of
export WLP NODES BASE_PORT NODE_HOSTS members JVM_ARGS="${JVM_ARGS:-}" NODE_COMMAND=node FAILOVER=${FAILOVER:-$((NODES == 3))}

echo "# $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD) on $(nproc) cores, $(java -version 2>&1 | head -1)"
REGISTRY_PIDS="$pids" timeout 3000 java -Xmx1g bench/ScaleBench.java "${urls[@]}"
