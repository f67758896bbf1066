#!/usr/bin/env bash
# Benchmarks on a private, throw-away NoticeChain: its own data folder, dev chain and API ports, so the
# developer's dev chain is never touched. Results go to bench/results/ (git-ignored); docs/benchmarks.md
# records one run.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF_USAGE'
Usage: scripts/bench.sh ingest|verify [options]

ingest   builds the solution in Release, starts a private dev chain and API in a temporary data folder and
         measures, with wrk against 127.0.0.1 at a fixed concurrency and duration per scenario:
           baseline  GET /api/v1/me (authenticated, trivial)
           single    POST /api/v1/notices, a new random digest per request
           batch     POST /api/v1/notices/batch, 1,000 new digests per request
         then waits until the backlog is anchored and measures accept-to-anchored latency (notices sent one
         at a time; wall clock to seeing "anchored", and the block timestamp anchoredAt - acceptedAt) and the
         gas per notice of a tree of the default batch size (4,096). Everything is stopped and the temporary
         folder removed on exit. Takes about 1.5 minutes after the build.

verify   the same private instance; registers --seed-notices notices, waits until the public verify API
         answers "authentic" for every one, then measures with wrk at the same fixed concurrency:
           baseline  GET /health/live (anonymous, trivial)
           single    GET /api/v1/verify/{digest}, walking the seeded digests
           batch     POST /api/v1/verify with --verify-batch seeded digests per request
         The public rate limit is lifted for this private instance only. Takes about 1 minute after the build.

Options:
  --duration N        seconds per wrk scenario (default 10)
  --threads N         wrk threads (default 2)
  --connections N     wrk connections (default 16)
  --latency-notices N notices for the latency probe (default 200; ingest)
  --seed-notices N    anchored notices to verify (default 10000; verify)
  --verify-batch N    digests per batch verify request (default 100, at most 1000; verify)
  --rpc-port N        dev chain port (default 8645)
  --api-port N        API port (default 5180)
  --no-build          use the existing Release build
  -h, --help          show this help

Output: a summary table on stdout and bench/results/<scenario>-<UTC timestamp>.json. Needs wrk (installed with
apt-get when missing), Node.js 20+ and the .NET SDK. Compare runs by their ratios to the baseline: absolute
figures depend on the machine and on whatever else runs on it.
EOF_USAGE
}

scenario="${1:-}"
case "$scenario" in
  -h | --help | help)
    usage
    exit 0
    ;;
  ingest | verify) shift ;;
  '')
    usage >&2
    exit 2
    ;;
  *)
    nc_error "unknown scenario '$scenario'"
    usage >&2
    exit 2
    ;;
esac

duration=10
threads=2
connections=16
latency_notices=200
rpc_port=8645
api_port=5180
build=true
batch_size=1000
gas_batch=4096
seed_notices=10000
verify_batch=100
while (($# > 0)); do
  case "$1" in
    --duration) duration="${2:?--duration needs a value}" && shift ;;
    --threads) threads="${2:?--threads needs a value}" && shift ;;
    --connections) connections="${2:?--connections needs a value}" && shift ;;
    --latency-notices) latency_notices="${2:?--latency-notices needs a value}" && shift ;;
    --seed-notices) seed_notices="${2:?--seed-notices needs a value}" && shift ;;
    --verify-batch) verify_batch="${2:?--verify-batch needs a value}" && shift ;;
    --rpc-port) rpc_port="${2:?--rpc-port needs a value}" && shift ;;
    --api-port) api_port="${2:?--api-port needs a value}" && shift ;;
    --no-build) build=false ;;
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
for value in "$duration" "$threads" "$connections" "$latency_notices" "$seed_notices" "$verify_batch" "$rpc_port" "$api_port"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || nc_die "'$value' is not a positive whole number"
done
((verify_batch <= 1000)) || nc_die "--verify-batch is at most 1000 (the verify API's limit)"

# wrk from the distribution; installed without questions when missing (as root, else through sudo -n).
ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || nc_die "wrk is not installed and there is no apt-get: install wrk"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo -n)
  nc_info "installing wrk with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq wrk >/dev/null; then
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq wrk >/dev/null
  fi
  command -v wrk >/dev/null 2>&1 || nc_die "apt-get did not install wrk"
}

cd "$NC_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started="$(nc_now)"
command_line="scripts/bench.sh $scenario${*:+ $*}"
ensure_wrk
nc_ensure_node_modules
nc_require_dotnet

if [[ "$build" == true ]]; then
  build_args=(build NoticeChain.sln --configuration Release --nologo --verbosity minimal)
  [[ "${CI:-}" != true ]] || build_args+=(--disable-build-servers)
  nc_info "dotnet ${build_args[*]}"
  dotnet "${build_args[@]}" >/dev/null || nc_die "the build failed (run: dotnet ${build_args[*]})"
fi

# The private instance. Inherited NOTICECHAIN_* settings of a developer's shell are replaced, so nothing here
# reaches the dev chain, its keys or its database.
NOTICECHAIN_DATA="$(mktemp -d "${TMPDIR:-/tmp}/noticechain-bench.XXXXXX")"
work="$NOTICECHAIN_DATA/bench"
mkdir -p "$work"
export NOTICECHAIN_DATA NOTICECHAIN_RPC_PORT="$rpc_port" NOTICECHAIN_API_PORT="$api_port"
unset NOTICECHAIN_DEMO_AUTHORITY NOTICECHAIN_DEMO_AUTHORITY_NAME NOTICECHAIN_CHAIN_ID NOTICECHAIN_BLOCK_TIME
if [[ "$scenario" == verify ]]; then
  # The load generator is one client; the per-client limit protects the public service, not this private one.
  export NOTICECHAIN__Verify__RateLimit__PermitLimit=100000000
  export NOTICECHAIN__Verify__RateLimit__BatchPermitLimit=100000000
fi

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  scripts/api.sh stop --timeout 15 >/dev/null 2>&1 || nc_warn "could not stop the benchmark API (see $NOTICECHAIN_DATA/api)"
  scripts/devchain.sh stop --timeout 15 >/dev/null 2>&1 || nc_warn "could not stop the benchmark chain"
  if ((status != 0)) && [[ -f "$NOTICECHAIN_DATA/api/api.log" ]]; then
    nc_error "last lines of the API log:"
    tail -n 15 "$NOTICECHAIN_DATA/api/api.log" >&2
  fi
  rm -rf "$NOTICECHAIN_DATA"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/devchain.sh start --port "$rpc_port" >/dev/null
scripts/dev-bootstrap.sh Release >/dev/null
# shellcheck source=/dev/null
source "$NOTICECHAIN_DATA/devchain/devchain.env"
set -a
# shellcheck source=/dev/null
source "$NOTICECHAIN_DATA/dev.env"
set +a
scripts/api.sh start --configuration Release
api_url="http://127.0.0.1:$api_port"
token="$(dotnet src/NoticeChain.Cli/bin/Release/net10.0/noticechain.dll token \
  --authority "$NOTICECHAIN_DEMO_AUTHORITY" --data "$NOTICECHAIN_DATA" --lifetime 1h)"

# wrk_run NAME LUA ARGS... SECONDS — one wrk run; its BENCH_RESULT line goes to $work/NAME.json.
wrk_run() {
  local name="$1" script="$2" seconds="${*: -1}" output
  local args=("${@:3:$#-3}")
  output="$(wrk --threads "$threads" --connections "$connections" --duration "${seconds}s" --timeout 10s --latency \
    "${wrk_auth[@]}" --script "$script" "$api_url" -- "${args[@]}")" ||
    nc_die "wrk failed for $name: $output"
  printf '%s\n' "$output" >"$work/$name.txt"
  sed -n 's/^BENCH_RESULT //p' <<<"$output" >"$work/$name.json"
  [[ -s "$work/$name.json" ]] || nc_die "wrk printed no result for $name: $output"
  grep -q '"status":0,' "$work/$name.json" || nc_warn "$name: some answers were not 2xx ($(cat "$work/$name.json"))"
}

run_ingest() {
  wrk_auth=(--header "Authorization: Bearer $token")
  nc_info "warm-up (3 s each, not counted)"
  wrk_run warmup-baseline bench/notices.lua baseline 1 3
  wrk_run warmup-single bench/notices.lua single 2 3
  wrk_run warmup-batch bench/notices.lua "batch:$batch_size" 3 3
  nc_info "baseline, single, batch: wrk -t$threads -c$connections -d${duration}s each"
  wrk_run baseline bench/notices.lua baseline 10 "$duration"
  wrk_run single bench/notices.lua single 11 "$duration"
  wrk_run batch bench/notices.lua "batch:$batch_size" 12 "$duration"

  nc_info "waiting for the backlog to be anchored, then latency ($latency_notices notices) and gas probes"
  BENCH_API_URL="$api_url" BENCH_TOKEN="$token" BENCH_RPC_URL="$DEVCHAIN_RPC_URL" \
    BENCH_LATENCY_NOTICES="$latency_notices" BENCH_LATENCY_PACE_MS=50 BENCH_POLL_MS=50 \
    BENCH_DRAIN_TIMEOUT_S=300 BENCH_GAS_BATCH="$gas_batch" \
    node bench/ingest.mjs probe >"$work/probe.json"
}

run_verify() {
  local digests="$work/digests.txt"
  wrk_auth=() # the verify endpoints are public: no token, as a bank's system would call them
  nc_info "seeding $seed_notices anchored notices"
  BENCH_API_URL="$api_url" BENCH_TOKEN="$token" BENCH_SEED_NOTICES="$seed_notices" BENCH_DIGESTS="$digests" \
    BENCH_SEED_TIMEOUT_S=300 node bench/verify.mjs seed >/dev/null
  nc_info "warm-up (3 s each, not counted)"
  wrk_run warmup-baseline bench/verify.lua baseline "$digests" 3
  wrk_run warmup-single bench/verify.lua single "$digests" 3
  wrk_run warmup-batch bench/verify.lua "batch:$verify_batch" "$digests" 3
  nc_info "baseline, single, batch: wrk -t$threads -c$connections -d${duration}s each"
  wrk_run baseline bench/verify.lua baseline "$digests" "$duration"
  wrk_run single bench/verify.lua single "$digests" "$duration"
  wrk_run batch bench/verify.lua "batch:$verify_batch" "$digests" "$duration"
}

if [[ "$scenario" == ingest ]]; then
  run_ingest
  report_batch="$batch_size"
else
  run_verify
  report_batch="$verify_batch"
fi

BENCH_NPROC="$(nproc)" \
  BENCH_CPU="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
  BENCH_MEMORY="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
  BENCH_OS="$(. /etc/os-release && printf '%s' "$PRETTY_NAME"), kernel $(uname -r)" \
  BENCH_DOTNET="SDK $(dotnet --version), runtime $(dotnet --list-runtimes | sed -n 's/^Microsoft.NETCore.App \([^ ]*\).*/\1/p' | tail -n 1)" \
  BENCH_ANVIL="$("$(nc_anvil_bin)" --version | head -n 1)" \
  BENCH_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)" \
  node -e '
    const e = process.env;
    console.log(JSON.stringify({ nproc: Number(e.BENCH_NPROC), cpu: e.BENCH_CPU, memory: e.BENCH_MEMORY, os: e.BENCH_OS,
      dotnet: e.BENCH_DOTNET, anvil: e.BENCH_ANVIL, loadAverageAtEnd: e.BENCH_LOAD }));' >"$work/machine.json"

timestamp="$(date -u +%Y%m%dT%H%M%SZ)"
BENCH_DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)" BENCH_COMMAND="$command_line" \
  BENCH_WRK="$({ wrk -v 2>&1 || true; } | head -n 1)" \
  T="$threads" C="$connections" D="$duration" B="$report_batch" S="$seed_notices" \
  node -e '
    const e = process.env, n = (name) => Number(e[name]);
    console.log(JSON.stringify({ date: e.BENCH_DATE, command: e.BENCH_COMMAND, wrk: e.BENCH_WRK, threads: n("T"),
      connections: n("C"), duration: n("D"), batchSize: n("B"), seeded: n("S") }));' >"$work/run.json"
mkdir -p bench/results
out="bench/results/$scenario-$timestamp.json"
BENCH_WORK="$work" BENCH_OUT="$out" node "bench/$scenario.mjs" report
nc_ok "results in $out (whole run $(nc_elapsed "$started") s)"
