#!/usr/bin/env bash
# Checks the Prometheus configuration and alerting rules in ops/prometheus with Debian's promtool, and runs the
# rules' unit tests (alerts-test.yml: every rule firing and not firing).
set -euo pipefail
cd "$(dirname "$0")/../ops/prometheus"
promtool check config prometheus.yml
promtool check config prometheus-scale-out.yml
promtool test rules alerts-test.yml
