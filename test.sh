#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian tests of each WAR inside Liberty, system tests against the four started
# servers (including the headless-Chromium dashboard test), the Jenkinsfile lint, the Markdown link check and the
# alerting rules' unit tests (promtool).
# Installs the Debian packages the tests need when missing (scripts/ensure-packages.sh: chromium, chromium-driver,
# postgresql-15, nodejs, npm, prometheus; apt-get as root or through sudo, else it stops naming them), starts the local
# PostgreSQL 15 cluster and creates the role and databases the visit count's PostgreSQL tests use.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-packages.sh
scripts/ensure-postgresql.sh
scripts/lint-jenkinsfile.sh
java scripts/CheckMarkdownLinks.java
scripts/check-alerts.sh
# Two modules at a time: after registry-client, the four WAR modules test inside Liberty servers of their own.
mvn -B -T 2 verify "$@"
