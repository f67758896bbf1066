#!/usr/bin/env bash
# The NoticeChain API as a local background process: start, stop, status.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF_USAGE'
Usage: scripts/api.sh start|stop|status [--configuration Debug|Release] [--timeout N]

  start    start the built API in the background (Development auth mode, loopback only) and wait until
           /health/live answers; already running: says so and exits 0
  stop     SIGTERM (the host finishes or parks an open batch), SIGKILL after --timeout
  status   running or stopped (exit 0 running, 3 stopped)

The API reads its settings from NOTICECHAIN__* variables; scripts/run.sh sets the chain, registry and key
folder from what it created. Files under ${NOTICECHAIN_DATA:-<repo>/data}/api/: api.pid, api.log.
URL: http://127.0.0.1:${NOTICECHAIN_API_PORT:-5080}.
EOF_USAGE
}

command="${1:-}"
[[ -n "$command" ]] || {
  usage >&2
  exit 2
}
shift
configuration=Debug
timeout=30
while (($# > 0)); do
  case "$1" in
    -c | --configuration) configuration="${2:?--configuration needs a value}" && shift ;;
    --timeout) timeout="${2:?--timeout needs a value}" && shift ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      nc_error "unknown option '$1'"
      usage >&2
      exit 2
      ;;
  esac
  shift
done

data_dir="$(nc_data_dir)"
api_dir="$data_dir/api"
mkdir -p "$api_dir"
pid_file="$api_dir/api.pid"
log_file="$api_dir/api.log"
port="${NOTICECHAIN_API_PORT:-5080}"
url="http://127.0.0.1:$port"
dll="$NC_ROOT/src/NoticeChain.Api/bin/$configuration/net10.0/NoticeChain.Api.dll"

# The PID of the API started here, or nothing: it must still be a dotnet process running our assembly.
running_pid() {
  [[ -f "$pid_file" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$pid_file")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 0
  tr '\0' '\n' <"/proc/$pid/cmdline" | grep -q 'NoticeChain.Api.dll$' || return 0
  printf '%s\n' "$pid"
}

do_start() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    nc_ok "API already running (pid $pid): $url"
    return 0
  fi
  [[ -f "$dll" ]] || nc_die "$dll is missing: build first (scripts/run.sh does)"
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && nc_die "port $port on 127.0.0.1 is in use by another program"
  NOTICECHAIN_DATA="$data_dir" \
    NOTICECHAIN__Auth__Mode="${NOTICECHAIN__Auth__Mode:-Development}" \
    NOTICECHAIN__Urls="$url" \
    setsid dotnet "$dll" >>"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  local deadline=$((SECONDS + timeout))
  until curl --silent --fail --max-time 2 "$url/health/live" >/dev/null 2>&1; do
    if [[ -z "$(running_pid)" ]]; then
      nc_error "the API exited during start; last lines of $log_file:"
      tail -n 20 "$log_file" >&2
      exit 1
    fi
    ((SECONDS < deadline)) || nc_die "the API did not answer $url/health/live within $timeout s (log: $log_file)"
    sleep 0.3
  done
  nc_ok "API started (pid $(running_pid)): $url"
}

do_stop() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    nc_ok "API not running"
    rm -f "$pid_file"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      nc_warn "API did not stop within $timeout s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$pid_file"
  nc_ok "API stopped"
}

case "$command" in
  start) do_start ;;
  stop) do_stop ;;
  status)
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
      echo "api: running (pid $pid) at $url"
    else
      echo "api: stopped"
      exit 3
    fi
    ;;
  -h | --help | help) usage ;;
  *)
    nc_error "unknown command '$command'"
    usage >&2
    exit 2
    ;;
esac
