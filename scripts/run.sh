#!/usr/bin/env bash
# Brings up NoticeChain locally: installs what is missing, builds the solution and starts the dev chain.
# Idempotent: a second run rebuilds incrementally and finds the chain already running.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF_USAGE'
Usage: scripts/run.sh [--configuration Debug|Release] [devchain options]

Installs node_modules when missing or out of date (npm ci), checks the .NET SDK, builds NoticeChain.sln
(which also compiles the contracts), and starts the dev chain with scripts/devchain.sh start. Options
other than --configuration are passed to devchain.sh start (--port, --chain-id, --block-time, --reset).
Stop the chain with scripts/devchain.sh stop.

Environment: NOTICECHAIN_RPC_PORT (default 8545), NOTICECHAIN_CHAIN_ID (default 31337),
NOTICECHAIN_DATA (default <repo>/data), CI=true (no build servers left running).
EOF_USAGE
}

configuration=Debug
devchain_args=()
while (($# > 0)); do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    -c | --configuration)
      configuration="${2:?--configuration needs a value}"
      shift
      ;;
    *) devchain_args+=("$1") ;;
  esac
  shift
done

cd "$NC_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started="$(nc_now)"
nc_ensure_node_modules
nc_require_dotnet

build_args=(build NoticeChain.sln --configuration "$configuration" --nologo --verbosity minimal)
# In CI nothing may outlive the script: build servers would keep its output pipe open.
[[ "${CI:-}" != true ]] || build_args+=(--disable-build-servers)
nc_info "dotnet ${build_args[*]}"
build_started="$(nc_now)"
dotnet "${build_args[@]}" || nc_die "the build failed (errors above)"
nc_ok "build done in $(nc_elapsed "$build_started") s"

scripts/devchain.sh start ${devchain_args[@]+"${devchain_args[@]}"}

# shellcheck source=/dev/null
source "$(nc_data_dir)/devchain/devchain.env"
nc_ok "NoticeChain is up in $(nc_elapsed "$started") s"
echo "RPC URL:  $DEVCHAIN_RPC_URL"
echo "Chain id: $DEVCHAIN_CHAIN_ID"
