#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and development: initdb into a folder, start it on a free port
# of 127.0.0.1, create the database, write the connection string; stop it and delete the folder again.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: scripts/pg.sh start|stop|status DIR

  start DIR   initdb into DIR/data, start the server on a free TCP port of 127.0.0.1 (and a unix socket in
              DIR/socket), create the database "noticechain", write the connection string to DIR/connection
              and print it on stdout. DIR must not hold a cluster yet.
  stop DIR    stop the server (pg_ctl stop -m fast) and delete DIR (only a DIR that start made).
  status DIR  print running/stopped and the connection string (exit 0 running, 3 stopped).

The cluster is for tests and development only: trust authentication (anyone on this machine may connect
as the superuser "noticechain"), fsync on. Binaries: $NOTICECHAIN_PG_BIN, else /usr/lib/postgresql/15/bin,
else the directory of `pg_config --bindir`; installed with apt-get (postgresql-15) when none is found and
this runs as root. As root the server runs as the user "postgres" (or "nobody"): initdb refuses root.
Server log: DIR/server.log.

Use it from a shell:
  dir="$(mktemp -d)"; scripts/pg.sh start "$dir"
  export NOTICECHAIN_TEST_POSTGRES="$(cat "$dir/connection")"
  ...; scripts/pg.sh stop "$dir"
EOF
}

readonly marker_name=.noticechain-pg
readonly superuser=noticechain
readonly database=noticechain

command="${1:-}"
dir="${2:-}"
case "$command" in
  -h | --help | help)
    usage
    exit 0
    ;;
  start | stop | status) ;;
  *)
    [[ -z "$command" ]] || nc_error "unknown command '$command'"
    usage >&2
    exit 2
    ;;
esac
[[ -n "$dir" && $# -eq 2 ]] || {
  nc_error "$command needs exactly one folder"
  usage >&2
  exit 2
}
if [[ "$command" == start ]]; then
  mkdir -p "$dir"
elif [[ ! -d "$dir" ]]; then
  [[ "$command" == stop ]] || {
    echo stopped
    exit 3
  }
  nc_info "$dir does not exist: nothing to stop"
  exit 0
fi
dir="$(cd "$dir" && pwd)"

# The PostgreSQL 15 binaries; installs the distribution's package as root when none is found.
find_bin() {
  local candidate
  for candidate in "${NOTICECHAIN_PG_BIN:-}" /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
    if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_bin() {
  local found
  if found="$(find_bin)"; then
    echo "$found"
    return 0
  fi
  if ((EUID != 0)) || ! command -v apt-get >/dev/null 2>&1; then
    nc_die "PostgreSQL 15 is not installed: install the package postgresql-15 (or set NOTICECHAIN_PG_BIN)"
  fi
  nc_info "installing postgresql-15 with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  fi
  find_bin || nc_die "apt-get did not install PostgreSQL 15"
}

# The account the server runs as: ourselves, or an unprivileged user when we are root.
run_user() {
  if ((EUID != 0)); then
    id -un
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    echo nobody
  fi
}

# as_server CMD...: runs a command as the server's account.
as_server() {
  if ((EUID == 0)); then
    runuser -u "$(run_user)" -- "$@"
  else
    "$@"
  fi
}

# A TCP port of 127.0.0.1 that nothing listens on now (start retries should another process take it first).
free_port() {
  local port _
  for _ in {1..50}; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  nc_die "found no free TCP port on 127.0.0.1"
}

is_running() {
  [[ -f "$dir/data/postmaster.pid" ]] && as_server "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

start() {
  [[ ! -e "$dir/data" ]] || nc_die "$dir already holds a cluster: stop it first (scripts/pg.sh stop $dir)"
  local user
  user="$(run_user)"
  touch "$dir/$marker_name"
  mkdir -p "$dir/socket"
  if ((EUID == 0)); then
    chown -R "$user:" "$dir"
  fi
  chmod 700 "$dir"

  as_server "$bin/initdb" --pgdata="$dir/data" --username="$superuser" --auth=trust \
    --encoding=UTF8 --locale=C --no-instructions >"$dir/initdb.log" 2>&1 ||
    nc_die "initdb failed (see $dir/initdb.log)"
  cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/pg.sh: a throwaway cluster for tests; durable commits as in production (fsync on).
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
fsync = on
synchronous_commit = on
max_connections = 200
EOF

  local port attempt
  for attempt in 1 2 3; do
    port="$(free_port)"
    sed -i '/^port = /d' "$dir/data/postgresql.conf"
    echo "port = $port" >>"$dir/data/postgresql.conf"
    if as_server "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 >/dev/null; then
      break
    fi
    ((attempt < 3)) || nc_die "the server did not start (see $dir/server.log)"
    nc_warn "the server did not start on port $port; trying another port"
  done

  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30 || nc_die "the server does not accept connections (see $dir/server.log)"
  as_server "$bin/createdb" -h "$dir/socket" -p "$port" -U "$superuser" "$database" ||
    nc_die "createdb $database failed (see $dir/server.log)"

  local connection="Host=127.0.0.1;Port=$port;Username=$superuser;Database=$database"
  printf '%s\n' "$connection" >"$dir/connection"
  chmod 644 "$dir/connection"
  nc_ok "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir/data, server runs as $user)"
  printf '%s\n' "$connection"
}

stop() {
  if [[ ! -f "$dir/$marker_name" ]]; then
    # Never delete a folder this script did not make; an empty one goes quietly (start failed before the marker).
    rmdir "$dir" 2>/dev/null || nc_die "$dir was not made by scripts/pg.sh start: left alone"
    return 0
  fi
  if is_running; then
    as_server "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null ||
      nc_die "pg_ctl stop failed (see $dir/server.log); $dir is left for inspection"
  fi
  rm -rf "$dir"
  nc_ok "PostgreSQL stopped and $dir removed"
}

status() {
  if is_running; then
    echo "running: $(cat "$dir/connection" 2>/dev/null || echo '(no connection file)')"
    return 0
  fi
  echo "stopped"
  return 3
}

bin="$(ensure_bin)"
"$command"
