#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian tests of each WAR inside Liberty, system tests against the four started
# servers (including the headless-Chromium dashboard test), the Jenkinsfile lint and the Markdown link check.
# Installs the Debian packages the tests need when missing (scripts/ensure-packages.sh: chromium, chromium-driver,
# postgresql-15, nodejs, npm; apt-get as root or through sudo, else it stops naming them), starts the local
# PostgreSQL 15 cluster and creates the role and databases the visit count's PostgreSQL tests use.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-packages.sh
scripts/ensure-postgresql.sh
scripts/lint-jenkinsfile.sh
java scripts/CheckMarkdownLinks.java
mvn -B verify "$@"
