#!/usr/bin/env bash
# Lints the Jenkinsfile with npm-groovy-lint (from the npm registry); fails on errors.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npx >/dev/null; then
  echo "npx (Node.js) is required to lint the Jenkinsfile" >&2
  exit 1
fi
npx --yes npm-groovy-lint@15 --failon warning --noserver Jenkinsfile
