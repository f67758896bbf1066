#!/usr/bin/env bash
# The local dev chain: Anvil from the pinned npm package on 127.0.0.1, state kept in the data folder.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
Usage: scripts/devchain.sh start|stop|status|restart [options]

  start     start Anvil in the background and wait until it answers eth_chainId
            (already running: says so and exits 0)
  stop      stop the Anvil started here: SIGTERM (Anvil writes its state), SIGKILL after --timeout
  status    print running/stopped, RPC URL, chain id and block number (exit 0 running, 3 stopped)
  restart   stop, then start

Options (start):
  --port N          JSON-RPC port on 127.0.0.1 (default \$NOTICECHAIN_RPC_PORT or 8545)
  --chain-id N      chain id (default \$NOTICECHAIN_CHAIN_ID or 31337)
  --block-time N    mine a block every N seconds (default: one block per transaction)
  --reset           move the saved chain state aside and start from an empty chain
Options (all):
  --timeout N       seconds to wait for start or stop (default 30)
  -h, --help        show this help

Files under \${NOTICECHAIN_DATA:-<repo>/data}/devchain/: state.json (chain state, written every 2 s and
on stop, so a crash loses at most ~2 s), anvil.pid, anvil.log, devchain.env (port and chain id in use).
The hardfork is the "evmVersion" of contracts/compiler.json ($(nc_hardfork 2>/dev/null || echo '?')), the
fork the contracts are compiled for. Accounts are Anvil's well-known dev accounts ("test test ... junk"
mnemonic): for development only.
EOF
}

command="${1:-}"
[[ -n "$command" ]] || {
  usage >&2
  exit 2
}
shift
case "$command" in
  -h | --help | help)
    usage
    exit 0
    ;;
  start | stop | status | restart) ;;
  *)
    nc_error "unknown command '$command'"
    usage >&2
    exit 2
    ;;
esac

port="${NOTICECHAIN_RPC_PORT:-8545}"
chain_id="${NOTICECHAIN_CHAIN_ID:-31337}"
block_time="${NOTICECHAIN_BLOCK_TIME:-}"
timeout=30
reset=false
while (($# > 0)); do
  case "$1" in
    --port) port="${2:?--port needs a value}" && shift ;;
    --chain-id) chain_id="${2:?--chain-id needs a value}" && shift ;;
    --block-time) block_time="${2:?--block-time needs a value}" && shift ;;
    --timeout) timeout="${2:?--timeout needs a value}" && shift ;;
    --reset) reset=true ;;
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
for value in "$port" "$chain_id" "$timeout" ${block_time:+"$block_time"}; do
  [[ "$value" =~ ^[0-9]+$ ]] || nc_die "'$value' is not a whole number"
done
((port > 0 && port < 65536)) || nc_die "port $port is out of range"

data_dir="$(nc_data_dir)/devchain"
mkdir -p "$data_dir"
pid_file="$data_dir/anvil.pid"
env_file="$data_dir/devchain.env"
log_file="$data_dir/anvil.log"
state_file="$data_dir/state.json"

# Whether a process is alive; a zombie (an Anvil that died while this script, its parent, still runs) is not.
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z* ]]
}

# The PID of the running Anvil started here, or nothing. The PID must still be an anvil process using our
# state file, so a recycled PID of an unrelated process is never signalled.
running_pid() {
  [[ -f "$pid_file" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$pid_file")"
  [[ -n "$pid" ]] || return 0
  alive "$pid" || return 0
  case "$(ps -o comm= -p "$pid" 2>/dev/null)" in
    anvil* | node) ;; # node: the node_modules/.bin/anvil wrapper, used where no platform binary exists
    *) return 0 ;;
  esac
  if [[ -r "/proc/$pid/cmdline" ]] && ! tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$state_file"; then
    return 0
  fi
  printf '%s\n' "$pid"
}

# Port and chain id of the running node, as recorded at start.
load_env() {
  if [[ -f "$env_file" ]]; then
    # shellcheck source=/dev/null
    source "$env_file"
    port="$DEVCHAIN_PORT"
    chain_id="$DEVCHAIN_CHAIN_ID"
  fi
}

# Whether anything accepts TCP connections on 127.0.0.1:$port (bash's /dev/tcp, so no netcat is needed).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

rpc_url() { printf 'http://127.0.0.1:%s\n' "$port"; }

print_log_tail() {
  if [[ -f "$log_file" ]]; then
    nc_error "last lines of $log_file:"
    tail -n 30 "$log_file" >&2
  fi
}

do_status() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    echo "devchain: stopped"
    echo "state:    $state_file$([[ -f "$state_file" ]] || echo ' (none yet)')"
    return 3
  fi
  load_env
  local url answered_chain block
  url="$(rpc_url)"
  answered_chain="$(nc_rpc_quantity "$url" eth_chainId || echo 'no answer')"
  block="$(nc_rpc_quantity "$url" eth_blockNumber || echo 'no answer')"
  echo "devchain: running (pid $pid)"
  echo "rpc url:  $url"
  echo "chain id: $answered_chain"
  echo "block:    $block"
  echo "hardfork: ${DEVCHAIN_HARDFORK:-?}"
  echo "state:    $state_file"
  echo "log:      $log_file"
}

# Fails (with a message) unless $state_file is absent or parses as JSON: a state file cut short by a crash
# would otherwise make Anvil exit at start with a less helpful message.
check_state_file() {
  [[ -f "$state_file" ]] || return 0
  if ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$state_file" 2>/dev/null; then
    nc_die "$state_file is not valid JSON (cut short by a crash?); start with --reset to move it aside and begin an empty chain"
  fi
}

do_start() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    local wanted_port="$port"
    load_env
    [[ "$wanted_port" == "$port" ]] || nc_warn "requested port $wanted_port, but the running dev chain uses $port"
    nc_ok "dev chain already running (pid $pid) at $(rpc_url), chain id $chain_id"
    return 0
  fi
  rm -f "$pid_file"

  local anvil hardfork
  anvil="$(nc_anvil_bin)"
  [[ -n "$anvil" ]] || nc_die "Anvil is not installed: run 'npm ci' in $NC_ROOT (scripts/run.sh does this)"
  hardfork="$(nc_hardfork)"

  if port_in_use; then
    if nc_rpc "$(rpc_url)" eth_chainId >/dev/null 2>&1; then
      nc_die "a JSON-RPC node not started by this script already answers at $(rpc_url); stop it or use --port"
    fi
    nc_die "port $port on 127.0.0.1 is in use by another program; use --port or NOTICECHAIN_RPC_PORT"
  fi

  if [[ "$reset" == true && -f "$state_file" ]]; then
    local aside
    aside="$state_file.$(date +%Y%m%d-%H%M%S).bak"
    mv "$state_file" "$aside"
    nc_warn "moved the previous chain state to $aside"
  fi
  check_state_file

  local args=(
    --host 127.0.0.1
    --port "$port"
    --chain-id "$chain_id"
    --hardfork "$hardfork"
    --state "$state_file"
    --state-interval 2
    # Keeps historical states in memory only: without it Anvil writes state snapshots to
    # ~/.foundry/anvil/tmp, which grows by gigabytes on a long-running chain.
    --prune-history
    --color never
  )
  [[ -z "$block_time" ]] || args+=(--block-time "$block_time")

  printf '\n=== %s start: %s %s\n' "$(date -u +%FT%TZ)" "$anvil" "${args[*]}" >>"$log_file"
  # setsid: the chain outlives the shell that started it and is not hit by its Ctrl-C. The child writes its
  # own PID before exec, so the PID file names Anvil itself. No stdio is inherited, so a CI step that
  # captures our output does not wait for Anvil.
  # shellcheck disable=SC2016 # $$, $1 and $@ belong to the inner shell
  setsid bash -c 'printf "%s\n" "$$" >"$1"; shift; exec "$@"' devchain "$pid_file" "$anvil" "${args[@]}" \
    </dev/null >>"$log_file" 2>&1 &

  local started deadline
  started="$(nc_now)"
  deadline=$((SECONDS + timeout))
  while true; do
    pid=''
    [[ ! -f "$pid_file" ]] || pid="$(tr -dc '0-9' <"$pid_file")"
    if [[ -n "$pid" ]] && ! alive "$pid"; then
      rm -f "$pid_file"
      print_log_tail
      nc_die "Anvil exited during start (see $log_file)"
    fi
    local answered
    answered="$(nc_rpc_quantity "$(rpc_url)" eth_chainId || true)"
    if [[ -n "$pid" && -n "$answered" ]]; then
      [[ "$answered" == "$chain_id" ]] || nc_die "Anvil answered chain id $answered, expected $chain_id"
      break
    fi
    if ((SECONDS >= deadline)); then
      print_log_tail
      [[ -z "$pid" ]] || kill -TERM "$pid" 2>/dev/null || true
      rm -f "$pid_file"
      nc_die "Anvil did not answer eth_chainId at $(rpc_url) within ${timeout} s"
    fi
    sleep 0.2
  done

  cat >"$env_file" <<EOF
DEVCHAIN_PORT=$port
DEVCHAIN_CHAIN_ID=$chain_id
DEVCHAIN_HARDFORK=$hardfork
DEVCHAIN_RPC_URL=$(rpc_url)
EOF
  nc_ok "dev chain started in $(nc_elapsed "$started") s (pid $pid): $(rpc_url), chain id $chain_id, hardfork $hardfork"
}

do_stop() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$pid_file"
    nc_ok "dev chain is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if alive "$pid"; then
    nc_warn "Anvil (pid $pid) did not stop within ${timeout} s after SIGTERM; sending SIGKILL (state of the last ~2 s may be lost)"
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$pid_file"
  nc_ok "dev chain stopped (state in $state_file)"
}

case "$command" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  restart)
    do_stop
    do_start
    ;;
esac
