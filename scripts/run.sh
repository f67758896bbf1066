#!/usr/bin/env bash
# Brings up NoticeChain locally: installs what is missing, builds the solution, starts the dev chain,
# deploys the registry with a demo authority (scripts/dev-bootstrap.sh) and starts the API.
# Idempotent: a second run rebuilds incrementally and finds the chain, registry and API already there.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF_USAGE'
Usage: scripts/run.sh [--configuration Debug|Release] [devchain options]

Installs node_modules when missing or out of date (npm ci), checks the .NET SDK, builds NoticeChain.sln
(which also compiles the contracts), starts the dev chain with scripts/devchain.sh start, deploys the
NoticeRegistry and registers a demo authority with a key of its own (scripts/dev-bootstrap.sh), starts the
API on http://127.0.0.1:5080 (scripts/api.sh start) and prints a dev token for the demo authority.
Options other than --configuration are passed to devchain.sh start (--port, --chain-id, --block-time,
--reset). Stop with scripts/api.sh stop and scripts/devchain.sh stop.

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

scripts/dev-bootstrap.sh "$configuration"

data_dir="$(nc_data_dir)"
# shellcheck source=/dev/null
source "$data_dir/devchain/devchain.env"
set -a
# shellcheck source=/dev/null
source "$data_dir/dev.env"
set +a
scripts/api.sh start --configuration "$configuration"

token="$(dotnet "src/NoticeChain.Cli/bin/$configuration/net10.0/noticechain.dll" token \
  --authority "$NOTICECHAIN_DEMO_AUTHORITY" --data "$data_dir" --lifetime 8h)"
nc_ok "NoticeChain is up in $(nc_elapsed "$started") s"
echo "RPC URL:   $DEVCHAIN_RPC_URL"
echo "Chain id:  $DEVCHAIN_CHAIN_ID"
echo "Registry:  ${NOTICECHAIN__Chain__Registry:?dev.env names no registry}"
echo "API:       http://127.0.0.1:${NOTICECHAIN_API_PORT:-5080}"
echo "Page:      http://127.0.0.1:${NOTICECHAIN_API_PORT:-5080}/  (verify a notice: choose or drop its PDF)"
echo "Authority: $NOTICECHAIN_DEMO_AUTHORITY ($NOTICECHAIN_DEMO_AUTHORITY_ID)"
echo "Dev token for the demo authority (8 h):"
echo "$token"
