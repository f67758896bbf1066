# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; it defines functions and NC_* variables only.
#
# Conventions: messages go to stderr, machine-readable output to stdout; colours only when the stream is a
# terminal and NO_COLOR is unset; nothing prompts, so CI=true with no terminal behaves like a desk.

NC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NC_ROOT

if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  NC_RED=$'\033[31m' NC_GREEN=$'\033[32m' NC_YELLOW=$'\033[33m' NC_BOLD=$'\033[1m' NC_RESET=$'\033[0m'
else
  NC_RED='' NC_GREEN='' NC_YELLOW='' NC_BOLD='' NC_RESET=''
fi

nc_info() { printf '%s==>%s %s\n' "$NC_BOLD" "$NC_RESET" "$*" >&2; }
nc_ok() { printf '%s==>%s %s\n' "$NC_GREEN" "$NC_RESET" "$*" >&2; }
nc_warn() { printf '%swarning:%s %s\n' "$NC_YELLOW" "$NC_RESET" "$*" >&2; }
nc_error() { printf '%serror:%s %s\n' "$NC_RED" "$NC_RESET" "$*" >&2; }
nc_die() {
  nc_error "$*"
  exit 1
}

# Seconds since the epoch with a fraction, for timings.
nc_now() { date +%s.%N; }
# Elapsed seconds since a nc_now value, e.g. "12.3".
nc_elapsed() { awk -v start="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - start }'; }

# The data folder: $NOTICECHAIN_DATA (relative to the caller's directory) or <repo>/data.
nc_data_dir() {
  local dir="${NOTICECHAIN_DATA:-$NC_ROOT/data}"
  mkdir -p "$dir"
  (cd "$dir" && pwd)
}

nc_require_command() {
  command -v "$1" >/dev/null 2>&1 || nc_die "'$1' is not installed: $2"
}

nc_require_node() {
  nc_require_command node "install Node.js 20 or later (the contracts build and Anvil come from npm)"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || nc_die "Node.js $(node --version) is too old: 20 or later is needed"
}

nc_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    nc_die "the .NET SDK is not installed: install the SDK pinned in global.json ($(nc_json_field "$NC_ROOT/global.json" sdk.version))"
  local version
  version="$(cd "$NC_ROOT" && dotnet --version 2>/dev/null)" ||
    nc_die "'dotnet --version' failed in $NC_ROOT: no SDK matches global.json ($(nc_json_field "$NC_ROOT/global.json" sdk.version), rollForward latestFeature)"
  nc_info ".NET SDK $version"
}

# nc_json_field FILE a.b.c — prints one field of a JSON file (node, so no jq is needed).
nc_json_field() {
  # shellcheck disable=SC2016 # a JavaScript template string, not a shell expansion
  node -e '
    const value = process.argv[2].split(".").reduce((o, k) => (o == null ? undefined : o[k]), require(process.argv[1]));
    if (value === undefined) { console.error(`no field ${process.argv[2]} in ${process.argv[1]}`); process.exit(1); }
    console.log(value);' "$1" "$2"
}

# The EVM version the contracts are compiled for, which is also the dev chain's hardfork.
nc_hardfork() { nc_json_field "$NC_ROOT/contracts/compiler.json" evmVersion; }

# Installs node_modules with `npm ci` when it is missing or does not match package-lock.json.
# A stamp (hash of the lock file) makes the common case a no-op; an install without the stamp is accepted
# when `npm ls` agrees with the pins. --ignore-scripts: Anvil's postinstall would fetch a binary that the
# platform package (an optional dependency in the lock) already holds.
# When `npm ci` refuses the lock because it lacks the other platforms' optional Anvil packages (a lock made
# where the registry serves only this platform's), `npm install` installs the same locked versions; the
# lock file is restored should npm rewrite it, so the pins never drift.
nc_ensure_node_modules() {
  nc_require_node
  local stamp="$NC_ROOT/node_modules/.noticechain-lock.sha256" want
  want="$(sha256sum "$NC_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -n "$(nc_anvil_bin)" ]]; then
    return 0
  fi
  if [[ -d "$NC_ROOT/node_modules" && -n "$(nc_anvil_bin)" && -f "$NC_ROOT/node_modules/solc/package.json" ]] &&
    (cd "$NC_ROOT" && npm ls --all >/dev/null 2>&1); then
    printf '%s\n' "$want" >"$stamp"
    return 0
  fi
  nc_info "npm ci (node_modules missing or out of date with package-lock.json)"
  local started
  started="$(nc_now)"
  local ci_log
  ci_log="$(mktemp)"
  if ! (cd "$NC_ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$ci_log" 2>&1; then
    grep -E '^npm error (code|Missing|.npm ci. can)' "$ci_log" | head -n 8 >&2 || true
    nc_warn "npm ci refused; installing the locked versions with npm install instead"
    local lock_copy
    lock_copy="$(mktemp)"
    cp "$NC_ROOT/package-lock.json" "$lock_copy"
    if ! (cd "$NC_ROOT" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error); then
      cp "$lock_copy" "$NC_ROOT/package-lock.json"
      rm -f "$lock_copy"
      nc_die "npm install failed; check the registry connection and package-lock.json"
    fi
    if ! cmp -s "$lock_copy" "$NC_ROOT/package-lock.json"; then
      cp "$lock_copy" "$NC_ROOT/package-lock.json"
      nc_warn "npm install rewrote package-lock.json; the committed lock file was restored"
    fi
    rm -f "$lock_copy"
    (cd "$NC_ROOT" && npm ls --all >/dev/null 2>&1) || nc_die "node_modules does not match package.json after npm install (see 'npm ls --all')"
  fi
  rm -f "$ci_log"
  [[ -n "$(nc_anvil_bin)" ]] || nc_die "npm ci finished but no Anvil binary for $(uname -s)/$(uname -m) is in node_modules"
  printf '%s\n' "$want" >"$stamp"
  nc_ok "node_modules installed in $(nc_elapsed "$started") s"
}

# The Anvil executable: the platform binary of the pinned package (so a PID is Anvil itself, not the node
# wrapper), else node_modules/.bin/anvil. Prints nothing when Anvil is not installed.
nc_anvil_bin() {
  local os arch candidate
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) os=unsupported ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch=unsupported ;;
  esac
  for candidate in "$NC_ROOT/node_modules/@foundry-rs/anvil-$os-$arch/bin/anvil" "$NC_ROOT/node_modules/.bin/anvil"; do
    if [[ -x "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
}

# nc_rpc URL METHOD [PARAMS_JSON] — prints the raw JSON-RPC answer; fails when nothing answers.
nc_rpc() {
  curl --silent --show-error --fail --max-time 3 \
    -H 'Content-Type: application/json' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" \
    "$1"
}

# nc_rpc_quantity URL METHOD — prints the decimal value of a quantity result (eth_chainId, eth_blockNumber).
nc_rpc_quantity() {
  local answer hex
  answer="$(nc_rpc "$1" "$2" 2>/dev/null)" || return 1
  hex="$(sed -n 's/.*"result":"0x\([0-9a-fA-F]*\)".*/\1/p' <<<"$answer")"
  [[ -n "$hex" ]] || return 1
  printf '%d\n' "$((16#$hex))"
}
