#!/usr/bin/env bash
# Makes sure the system's credentials exist: the key pair that signs and verifies bearer tokens, the registry's
# token, an admin token and one token per service (scripts/Credentials.java, JDK only, nothing downloaded).
# Existing files are kept, so the tokens the servers hold stay valid; --rotate makes a new key pair and new tokens
# (restart the servers afterwards).
#   scripts/ensure-credentials.sh [--rotate] [service name...]    (default names: log visit gateway)
# Directory: SERVICEGRID_AUTH_DIR, by default the Liberty install's usr/shared/resources/servicegrid-auth, where
# the servers' configuration (${servicegrid.auth.dir}) looks.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${SERVICEGRID_AUTH_DIR:-$ROOT/target/liberty/wlp/usr/shared/resources/servicegrid-auth}"
ROTATE=()
if [[ "${1:-}" == --rotate ]]; then ROTATE=(--rotate); shift; fi
NAMES=("$@")
((${#NAMES[@]})) || NAMES=(log visit gateway)

missing=${#ROTATE[@]}
for file in private-key.pem public-key.pem registry.jwt admin.jwt "${NAMES[@]/%/.jwt}"; do
  [[ -s "$DIR/$file" ]] || missing=1
done
if ((missing)); then
  java "$ROOT/scripts/Credentials.java" "$DIR" "${ROTATE[@]}" "${NAMES[@]}"
fi
