# shellcheck shell=bash
# Sourced by the bench scripts (which run from the tree's root).

# await_ready <url> <what> <seconds>: polls the URL until it answers 2xx; after <seconds>, fails naming <what>.
await_ready() {
  local deadline=$((SECONDS + $3))
  until curl -fs -o /dev/null --max-time 2 "$1"; do
    ((SECONDS < deadline)) || { echo "$2 not ready in $3 s" >&2; exit 1; }
    sleep 0.2
  done
}

# warm_registry <url>: REGISTRY_WARMUPS (default 3) unmeasured passes of RegistryBench's loads; a fresh registry's CPU
# per registration falls for several passes (JIT; bench/README.md).
warm_registry() {
  local pass
  for ((pass = 1; pass <= ${REGISTRY_WARMUPS:-3}; pass++)); do
    timeout 900 java -Dload.only=true bench/RegistryBench.java "$1" >/dev/null
  done
}
