#!/usr/bin/env bash
# Installs the Debian packages the tests need beyond a JDK and Maven, when their commands are missing:
#   chromium, chromium-driver  the dashboard's browser test (headless Chromium through chromedriver)
#   postgresql-15              the visit count's PostgreSQL tests (scripts/ensure-postgresql.sh starts it)
#   nodejs, npm                npx runs the Jenkinsfile and OpenAPI linters from the npm registry
#   prometheus                 promtool checks the alerting rules and runs their unit tests
# apt-get runs as root or through sudo; without either (or without apt-get) it stops at once, naming what is missing.
set -euo pipefail

# command or file that shows the package is there -> Debian package
declare -A NEEDED=(
  [chromium]=chromium
  [chromedriver]=chromium-driver
  [/usr/lib/postgresql/15/bin/postgres]=postgresql-15
  [node]=nodejs
  [npx]=npm
  [promtool]=prometheus
)

missing=()
for probe in "${!NEEDED[@]}"; do
  if [[ $probe == /* ]]; then [ -x "$probe" ] && continue; else command -v "$probe" >/dev/null && continue; fi
  missing+=("${NEEDED[$probe]}")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
fi
if [ "$SUDO" = none ] || ! command -v apt-get >/dev/null; then
  echo "The tests need these Debian packages, and this user cannot install them (no root, sudo or apt-get):" \
    "${missing[*]}. Install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} (Debian packages) for the tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
