#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian tests of each WAR inside Liberty, system tests against the four started
# servers (including the headless-Chromium dashboard test), the Jenkinsfile lint and the Markdown link check.
# Installs what the tests need when missing: Debian's chromium + chromium-driver (apt-get; needs root or sudo).
# Starts the local PostgreSQL 15 cluster when stopped and creates the role and databases the visit count's
# PostgreSQL tests use (scripts/ensure-postgresql.sh; needs root or sudo; fails when PostgreSQL 15 is missing).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-chromium.sh
scripts/ensure-postgresql.sh
scripts/lint-jenkinsfile.sh
java scripts/CheckMarkdownLinks.java
mvn -B verify "$@"
