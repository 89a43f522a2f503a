#!/usr/bin/env bash
# Benchmarks the registry server on 127.0.0.1:20000 with fake instances that are real HTTP servers on loopback:
# registrations/s and p99 (16 clients, 2000 instances), fan-out to 200 dependents, silent-instance detection.
# Starts the registry server from the build's Liberty install (building it if needed) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
WLP="$PWD/target/liberty/wlp"

if [ ! -f "$WLP/usr/servers/registry/apps/registry.war" ]; then
  mvn -B -q -DskipTests package
fi
if curl -s -o /dev/null --max-time 1 http://127.0.0.1:20000/; then
  echo "Port 20000 is in use; stop the running system first (./run.sh stop)." >&2
  exit 1
fi
"$WLP/bin/server" start registry >/dev/null
trap '"$WLP/bin/server" stop registry >/dev/null' EXIT
deadline=$((SECONDS + 120))
until curl -fs -o /dev/null --max-time 2 http://127.0.0.1:20000/health/ready; do
  ((SECONDS < deadline)) || { echo "registry not ready in 120 s" >&2; exit 1; }
  sleep 0.5
done

echo "# $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1)"
timeout 600 java bench/RegistryBench.java http://127.0.0.1:20000
