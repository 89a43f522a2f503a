#!/usr/bin/env bash
# The visit count's PostgreSQL tests need Debian's PostgreSQL 15 cluster 15/main running, with the role and the
# databases the project's defaults name. Starts the cluster when it is stopped (pg_ctlcluster; as root or through
# sudo) and creates the role servicegrid (password servicegrid) and the databases servicegrid (visit servers with
# visit.db=postgresql) and servicegrid_test (the tests) when missing. Every wait is bounded. Fails with a message
# when PostgreSQL 15 is not installed. Leaves the cluster running: other databases in it are not touched.
set -euo pipefail

VERSION=15
CLUSTER=main
ROLE=servicegrid
PASSWORD=servicegrid
DATABASES=(servicegrid servicegrid_test)
WAIT_SECONDS=${POSTGRESQL_WAIT_SECONDS:-60}

if ! command -v pg_ctlcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$VERSION/bin/postgres" ]; then
  echo "PostgreSQL $VERSION is not installed (Debian package postgresql-$VERSION): the visit count's PostgreSQL" \
    "tests need it. Install it with: apt-get install postgresql-$VERSION" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
as_postgres() { $SUDO runuser -u postgres -- "$@"; }
# The cluster outlives this script, so it is started without the descriptors this script inherited: otherwise it
# would hold a caller's lock file (flock) or output pipe open for as long as it runs.
without_inherited_fds() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    "$@"
  )
}

if ! pg_lsclusters -h "$VERSION" "$CLUSTER" 2>/dev/null | grep -q online; then
  echo "Starting PostgreSQL cluster $VERSION/$CLUSTER..."
  without_inherited_fds $SUDO timeout "$WAIT_SECONDS" pg_ctlcluster "$VERSION" "$CLUSTER" start
fi

deadline=$((SECONDS + WAIT_SECONDS))
until as_postgres pg_isready -q -h 127.0.0.1 -p "$(pg_conftool -s "$VERSION" "$CLUSTER" show port 2>/dev/null || echo 5432)"; do
  if ((SECONDS >= deadline)); then
    echo "PostgreSQL $VERSION/$CLUSTER did not accept connections within ${WAIT_SECONDS}s;" \
      "see /var/log/postgresql/postgresql-$VERSION-$CLUSTER.log" >&2
    exit 1
  fi
  sleep 0.5
done

psql_admin() { as_postgres timeout "$WAIT_SECONDS" psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

if [ -z "$(psql_admin -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
  psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
fi
for database in "${DATABASES[@]}"; do
  if [ -z "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    psql_admin -c "CREATE DATABASE $database OWNER $ROLE"
  fi
done
