#!/usr/bin/env bash
# Local PostgreSQL + PostGIS cluster for Digiresan (development, `make db` and the tests), with the major version the
# distribution ships (Debian 12: 15, Debian 13: 17, Ubuntu: its own): the newest /usr/lib/postgresql/<N>/bin that has
# initdb and PostGIS (postgis.control); DIGIRESAN_PG_VERSION=<N> chooses one. A cluster keeps the version it was made
# with while that server is installed; one made by a version no longer installed is moved aside (never deleted).
#
#   db/pg.sh start    initdb if needed, start on a free loopback port, ensure roles and database (idempotent)
#   db/pg.sh stop     stop the server (no-op when it is not running)
#   db/pg.sh status   print the state; exit 0 when running, 3 when not
#   db/pg.sh env      print `export PGSERVICEFILE=… PGPASSFILE=… PGHOST=… PGPORT=…` lines (eval "$(db/pg.sh env)")
#   db/pg.sh dsn [DB] print the superuser DSN over the local unix socket (trust; only root/postgres can reach it)
#   db/pg.sh psql …   psql as the superuser over the unix socket (database digiresan unless -d is given)
#
# Files (git-ignored, under build/pg of the repository):
#   pg_service.conf  services digiresan (reader), digiresan_editor, digiresan_coordinator, digiresan_admin
#   pgpass           generated passwords of the login roles (mode 600; never in the service file)
#   port             the port in use; runtime  the data/socket folder when it is not build/pg (see below)
# Data, socket and log live in build/pg unless the postgres OS user cannot reach that folder (e.g. a clone
# under /root) or the socket path would be too long: then /tmp/digiresan-pg-<hash>/ is used and recorded in
# build/pg/runtime.
#
# Auth: `trust` only on the unix socket (folder mode 0700: root and the server user only);
# scram-sha-256 with generated passwords on 127.0.0.1. The server listens on 127.0.0.1 only.
set -euo pipefail

# the distribution's metapackages: they pull in its current major version of PostgreSQL and of PostGIS
APT_PACKAGES="postgresql postgresql-postgis"
FIRST_PORT=${DIGIRESAN_PG_FIRST_PORT:-54320}
START_TIMEOUT=${DIGIRESAN_PG_START_TIMEOUT:-60}
DBNAME=digiresan
SUPERUSER=postgres
LOGIN_ROLES="digiresan_admin digiresan_reader digiresan_editor digiresan_coordinator"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_HOME=$ROOT/build/pg
SERVICE_FILE=$PG_HOME/pg_service.conf
PASS_FILE=$PG_HOME/pgpass
PORT_FILE=$PG_HOME/port
RUNTIME_FILE=$PG_HOME/runtime

say() { echo "db/pg.sh: $*"; }
die() { echo "db/pg.sh: $*" >&2; exit 1; }

# --- who runs the server ------------------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
  PG_OS_USER=postgres
else
  PG_OS_USER=$(id -un)   # a normal user runs its own cluster
fi

as_pg() {  # run a command as the server's OS user, from a folder it can read (the lock fd closed)
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@" 9>&-)
  else
    (cd / && "$@" 9>&-)
  fi
}

pg_can_reach() {  # can the server user create files in folder $1?
  [ "$(id -u)" != 0 ] && return 0
  runuser -u "$PG_OS_USER" -- test -d "$1" -a -x "$1" -a -w "$1" 2>/dev/null
}

# --- packages and version -----------------------------------------------------------------------
has_postgis() { [ -x "/usr/lib/postgresql/$1/bin/initdb" ] && [ -f "/usr/share/postgresql/$1/extension/postgis.control" ]; }

installed_versions() {  # major versions with server binaries and PostGIS, newest first
  local d v
  for d in /usr/lib/postgresql/*/bin; do
    v=${d#/usr/lib/postgresql/}; v=${v%/bin}
    if has_postgis "$v"; then echo "$v"; fi
  done | sort -rn
}

data_version() { [ -f "$DATA/PG_VERSION" ] && cat "$DATA/PG_VERSION"; }

choose_version() {  # sets PG_VERSION/PG_BIN: asked for, else the cluster's own, else the newest installed
  local v=${DIGIRESAN_PG_VERSION:-}
  if [ -z "$v" ]; then
    v=$(data_version || true)
    if [ -z "$v" ] || ! has_postgis "$v"; then v=$(installed_versions | head -n 1); fi
  fi
  PG_VERSION=$v
  PG_BIN=/usr/lib/postgresql/${v:-none}/bin
}

ensure_packages() {
  choose_version
  if [ -n "$PG_VERSION" ] && has_postgis "$PG_VERSION"; then return 0; fi
  local what="PostgreSQL with PostGIS"
  [ -n "${DIGIRESAN_PG_VERSION:-}" ] && what="PostgreSQL $DIGIRESAN_PG_VERSION with PostGIS (DIGIRESAN_PG_VERSION)"
  if [ "$(id -u)" != 0 ] || [ -n "${DIGIRESAN_PG_VERSION:-}" ]; then
    die "$what missing: sudo apt-get install $APT_PACKAGES${DIGIRESAN_PG_VERSION:+ (or postgresql-$DIGIRESAN_PG_VERSION-postgis-3)}"
  fi
  say "installing $APT_PACKAGES ..."
  # A background apt job may hold the lock: wait for it instead of failing.
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq $APT_PACKAGES >/dev/null
  choose_version
  [ -n "$PG_VERSION" ] && has_postgis "$PG_VERSION" \
    || die "installation of $APT_PACKAGES failed: no /usr/lib/postgresql/<N>/bin with PostGIS"
}

set_aside_other_version() {  # a cluster made by another major version than the one we run: keep it, start anew
  local v
  v=$(data_version || true)
  [ -n "$v" ] && [ "$v" != "$PG_VERSION" ] || return 0
  local aside
  aside=$DATA.pg$v.$(date +%Y%m%d%H%M%S)
  mv "$DATA" "$aside"
  say "the cluster in $DATA was made by PostgreSQL $v, which is not installed (or not chosen); this is $PG_VERSION."
  say "moved it to $aside (delete it, or pg_upgrade it with the $v binaries) and initialise a new cluster:"
  say "run 'make db' to load the demo twin again."
}

# --- locations ----------------------------------------------------------------------------------
runtime_dir() {  # folder holding data/, run/ (socket) and log/
  if [ -f "$RUNTIME_FILE" ]; then cat "$RUNTIME_FILE"; else echo "$PG_HOME"; fi
}

choose_runtime_dir() {  # first start: build/pg if reachable by the server user, else a folder under /tmp
  mkdir -p "$PG_HOME"
  [ -f "$RUNTIME_FILE" ] && return 0
  local probe=$PG_HOME/.probe
  mkdir -p "$probe"
  [ "$(id -u)" = 0 ] && chown "$PG_OS_USER" "$probe"
  local ok=1
  pg_can_reach "$probe" || ok=0
  rmdir "$probe"
  # unix socket paths are limited to 107 bytes: ".../run/.s.PGSQL.NNNNN"
  [ $(( ${#PG_HOME} + 20 )) -lt 100 ] || ok=0
  if [ "$ok" = 0 ]; then
    local hash
    hash=$(printf '%s' "$ROOT" | md5sum | cut -c1-10)
    local alt=/tmp/digiresan-pg-$hash
    mkdir -p "$alt"
    chmod 700 "$alt"
    [ "$(id -u)" = 0 ] && chown "$PG_OS_USER" "$alt"
    echo "$alt" >"$RUNTIME_FILE"
    say "the server user cannot use $PG_HOME: data, socket and log go to $alt (recorded in $RUNTIME_FILE)"
  fi
}

RT=$(runtime_dir)
DATA=$RT/data
SOCK=$RT/run
LOG=$RT/log/postgresql.log
choose_version

refresh_paths() { RT=$(runtime_dir); DATA=$RT/data; SOCK=$RT/run; LOG=$RT/log/postgresql.log; choose_version; }

is_running() { [ -f "$DATA/PG_VERSION" ] && [ -x "$PG_BIN/pg_ctl" ] && as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

current_port() { [ -f "$PORT_FILE" ] && cat "$PORT_FILE"; }

port_free() {
  /usr/bin/python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as PostgreSQL does: TIME_WAIT is no obstacle
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

choose_port() {
  local p
  p=$(current_port || true)
  # keep the recorded port while it is free, so service files and saved QGIS connections stay valid
  if [ -n "$p" ] && port_free "$p"; then echo "$p"; return 0; fi
  for p in $(seq "$FIRST_PORT" $((FIRST_PORT + 200))); do
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  die "no free port in $FIRST_PORT..$((FIRST_PORT + 200))"
}

gen_password() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-32; }

password_of() { [ -f "$PASS_FILE" ] && awk -F: -v r="$1" '$4 == r { print $5; exit }' "$PASS_FILE"; }

# --- initdb -------------------------------------------------------------------------------------
init_cluster() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  say "initialising a new cluster in $DATA"
  mkdir -p "$DATA" "$SOCK" "$(dirname "$LOG")"
  if [ "$(id -u)" = 0 ]; then chown "$PG_OS_USER" "$DATA" "$SOCK" "$(dirname "$LOG")"; fi
  chmod 700 "$DATA" "$SOCK"
  local common=(-D "$DATA" -U "$SUPERUSER" -E UTF8 --auth-local=trust --auth-host=scram-sha-256 --no-instructions)
  # Swedish collation (å ä ö after z) through ICU when available; plain C.UTF-8 otherwise.
  if ! as_pg "$PG_BIN/initdb" "${common[@]}" --locale-provider=icu --icu-locale=sv-SE --locale=C.UTF-8 \
      >"$RT/log/initdb.log" 2>&1; then
    rm -rf "${DATA:?}"/* 2>/dev/null || true
    as_pg "$PG_BIN/initdb" "${common[@]}" --locale=C.UTF-8 >"$RT/log/initdb.log" 2>&1 \
      || { cat "$RT/log/initdb.log" >&2; die "initdb failed"; }
  fi
  as_pg sh -c 'cat > "$1/pg_hba.conf"' _ "$DATA" <<'EOF'
# Digiresan local cluster (generated by db/pg.sh).
# TYPE  DATABASE  USER  ADDRESS         METHOD
local   all       all                   trust
host    all       all   127.0.0.1/32    scram-sha-256
EOF
  as_pg sh -c 'echo "include_if_exists = '"'"'digiresan.conf'"'"'" >> "$1/postgresql.conf"' _ "$DATA"
}

write_server_conf() {  # $1 = port
  as_pg sh -c 'cat > "$1/digiresan.conf"' _ "$DATA" <<EOF
# Written by db/pg.sh at each start.
listen_addresses = '127.0.0.1'
port = $1
unix_socket_directories = '$SOCK'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
# >= 50 QGIS users: each holds at most 8 (QGIS's pool 4 + 2 spare + the providers' shared one + the card's direct
# reader; measured: 3-4 with the twin and the ideas open, see README "Sizing"), 50 x 8 = 400, plus admins and migrations
max_connections = 450
jit = off
log_min_messages = warning
log_line_prefix = '%m [%p] %u@%d '
# keep personal data out of the server log: no statement text or row details with errors
log_min_error_statement = panic
log_error_verbosity = terse
EOF
}

# --- client files -------------------------------------------------------------------------------
write_client_files() {  # $1 = port; keeps existing passwords
  local port=$1 tmp role pw
  tmp=$(mktemp "$PG_HOME/.pgpass.XXXXXX")
  chmod 600 "$tmp"
  for role in $LOGIN_ROLES; do
    pw=$(password_of "$role" || true)
    [ -n "$pw" ] || pw=$(gen_password)
    printf '127.0.0.1:%s:*:%s:%s\nlocalhost:%s:*:%s:%s\n' "$port" "$role" "$pw" "$port" "$role" "$pw" >>"$tmp"
  done
  mv -f "$tmp" "$PASS_FILE"
  chmod 600 "$PASS_FILE"
  {
    echo "# Digiresan local cluster (generated by db/pg.sh). Passwords are in $PASS_FILE (PGPASSFILE)."
    local svc user
    for svc in digiresan:digiresan_reader digiresan_editor:digiresan_editor \
               digiresan_coordinator:digiresan_coordinator digiresan_admin:digiresan_admin; do
      user=${svc#*:}
      printf '\n[%s]\nhost=127.0.0.1\nport=%s\ndbname=%s\nuser=%s\nconnect_timeout=5\n' \
        "${svc%%:*}" "$port" "$DBNAME" "$user"
    done
  } >"$SERVICE_FILE"
  echo "$port" >"$PORT_FILE"
}

superuser_psql() {  # psql as the superuser over the socket; extra args passed through
  "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h "$SOCK" -p "$(current_port)" -U "$SUPERUSER" "$@"
}

ensure_roles_and_db() {
  local role pw
  {
    for role in $LOGIN_ROLES; do
      pw=$(password_of "$role")
      printf '\\set role %s\n\\set pw %s\n' "$role" "$pw"
      cat <<'EOF'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'role', :'pw') \gexec
EOF
    done
    cat <<EOF
SELECT format('CREATE DATABASE %I OWNER digiresan_admin', '$DBNAME')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DBNAME') \\gexec
EOF
  } | superuser_psql -q -d postgres -f - >/dev/null
}

# --- commands -----------------------------------------------------------------------------------
cmd_start() {
  ensure_packages
  mkdir -p "$PG_HOME"
  exec 9>"$PG_HOME/.lock"
  flock -w 120 9 || die "another db/pg.sh holds $PG_HOME/.lock"
  choose_runtime_dir
  refresh_paths
  if is_running; then
    say "already running on 127.0.0.1:$(current_port) (data $DATA)"
    write_client_files "$(current_port)"
    ensure_roles_and_db
    return 0
  fi
  set_aside_other_version
  init_cluster
  local port
  port=$(choose_port)
  write_server_conf "$port"
  write_client_files "$port"
  mkdir -p "$SOCK" "$(dirname "$LOG")"
  if [ "$(id -u)" = 0 ]; then chown "$PG_OS_USER" "$SOCK" "$(dirname "$LOG")"; fi
  say "starting PostgreSQL $PG_VERSION on 127.0.0.1:$port (data $DATA)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -W start >/dev/null; then
    tail -n 40 "$LOG" >&2 || true
    die "pg_ctl start failed"
  fi
  local waited=0
  until "$PG_BIN/pg_isready" -q -h "$SOCK" -p "$port" -t 2; do
    if [ "$waited" -ge "$START_TIMEOUT" ] || { [ "$waited" -ge 3 ] && ! is_running; }; then
      echo "--- tail of $LOG ---" >&2
      tail -n 25 "$LOG" >&2 || true
      die "server not ready after ${waited}s"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  ensure_roles_and_db
  say "ready: eval \"\$(db/pg.sh env)\"; psql service=digiresan"
}

cmd_stop() {
  if ! is_running; then say "not running"; return 0; fi
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
  say "stopped"
}

cmd_status() {
  if is_running; then
    say "running on 127.0.0.1:$(current_port), socket $SOCK, data $DATA"
    return 0
  fi
  say "not running (data ${DATA})"
  return 3
}

cmd_env() {
  local port
  port=$(current_port || true)
  [ -n "$port" ] || die "no cluster yet: run db/pg.sh start"
  printf 'export PGSERVICEFILE=%q\n' "$SERVICE_FILE"
  printf 'export PGPASSFILE=%q\n' "$PASS_FILE"
  printf 'export PGHOST=%q\n' 127.0.0.1
  printf 'export PGPORT=%q\n' "$port"
  printf 'export DIGIRESAN_PG_SOCKET=%q\n' "$SOCK"
}

cmd_dsn() {
  local port
  port=$(current_port || true)
  [ -n "$port" ] || die "no cluster yet: run db/pg.sh start"
  echo "host=$SOCK port=$port user=$SUPERUSER dbname=${1:-$DBNAME}"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  dsn) shift; cmd_dsn "${1:-}" ;;
  psql)
    shift
    is_running || die "not running: db/pg.sh start"
    case " $* " in
      *" -d "* | *" --dbname"*) superuser_psql "$@" ;;
      *) superuser_psql -d "$DBNAME" "$@" ;;
    esac
    ;;
  *) echo "usage: db/pg.sh start|stop|status|env|dsn [DB]|psql [ARGS…]" >&2; exit 2 ;;
esac
