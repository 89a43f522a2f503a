#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian tests of each WAR inside Liberty, system tests against the four started
# servers (including the headless-Chromium dashboard test), and the Jenkinsfile lint.
# Installs what the tests need when missing: Debian's chromium + chromium-driver (apt-get; needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-chromium.sh
scripts/lint-jenkinsfile.sh
mvn -B verify "$@"
