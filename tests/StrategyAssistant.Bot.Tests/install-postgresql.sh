#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15 server binaries for the store tests. The tests' fixture initdb's its own temporary cluster
# on 127.0.0.1 and a free port, so no system cluster is created or started here. Idempotent and quiet. Needs root (CI runs as root).
set -euo pipefail

if [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

# Do not let the package create and start the default "main" cluster on port 5432.
$SUDO mkdir -p /etc/postgresql-common
if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
/usr/lib/postgresql/15/bin/postgres --version
