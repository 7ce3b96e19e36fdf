# Sourced by .ci/run: starts Debian's PostgreSQL cluster, makes sure the `app` role exists, creates a throwaway database
# for this run (dropped on exit with the per-test-file databases made beside it) and exports TEST_DATABASE_URL.
# Nothing is started on a fresh CI machine, so every step here must work from "installed or not, stopped".

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "::ci:: installing Debian's postgresql for the PostgreSQL tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -x "$PG_VERSION main" >/dev/null; then
  echo "::ci:: creating PostgreSQL cluster $PG_VERSION/main"
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
PG_PORT="$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {print $3}')"

echo "::ci:: starting PostgreSQL $PG_VERSION/main on port $PG_PORT"
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true # non-zero when it is already running
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PG_PORT"

as_postgres psql -p "$PG_PORT" -qc "do \$\$ begin if not exists (select from pg_roles where rolname = 'app') then
  create role app login superuser password 'app'; end if; end \$\$"

PG_RUN_DB="app_ci_$$"
PGPASSWORD=app createdb -h 127.0.0.1 -p "$PG_PORT" -U app "$PG_RUN_DB"
export TEST_DATABASE_URL="postgres://app:app@127.0.0.1:$PG_PORT/$PG_RUN_DB"

drop_test_databases() {
  PGPASSWORD=app psql -h 127.0.0.1 -p "$PG_PORT" -U app -d postgres -qAt -c \
    "select datname from pg_database where datname = '$PG_RUN_DB' or datname like '${PG_RUN_DB}\\_%'" |
    while read -r db; do
      PGPASSWORD=app psql -h 127.0.0.1 -p "$PG_PORT" -U app -d postgres -qc "drop database if exists \"$db\" with (force)"
    done
}
trap drop_test_databases EXIT
echo "::ci:: TEST_DATABASE_URL=$TEST_DATABASE_URL"
