#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback for the journal tests and prints the connection string on stdout.
# Installs the server if it is missing. Prints nothing (and exits 0) when it cannot, so the tests skip instead.
set -uo pipefail
{
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
    fi
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
        pg_createcluster "$version" main
    fi
    pg_ctlcluster "$version" main start 2>/dev/null || true
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 && break
        sleep 1
    done
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='encas'\"" | grep -q 1 \
        || su postgres -c "psql -qc \"CREATE ROLE encas LOGIN PASSWORD 'encas'\""
    su postgres -c "psql -qc 'DROP DATABASE IF EXISTS encas_test'"
    su postgres -c "psql -qc 'CREATE DATABASE encas_test OWNER encas'"
} >&2 || exit 0
pg_isready -q -h 127.0.0.1 -p 5432 && echo "Host=127.0.0.1;Port=5432;Database=encas_test;Username=encas;Password=encas"
exit 0
