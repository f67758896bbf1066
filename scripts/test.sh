#!/usr/bin/env bash
# Runs every test project of NoticeChain.sln and ends with one line "N passed, N failed".
#
# Installs what is missing (npm ci), builds (which compiles the contracts), then `dotnet test` on the
# solution. Test projects start the real parts they need themselves (the integration tests start their own
# Anvil on a free port); whatever the run leaves behind is stopped on exit, also on failure or Ctrl-C.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: scripts/test.sh [--configuration Debug|Release] [-- extra 'dotnet test' arguments]

Builds NoticeChain.sln and runs all its test projects. Results (TRX) go to TestResults/latest/. The last
line is "N passed, N failed": failed counts failed tests, plus one for a failed build or setup, and one for
each test project that produced no results (crashed or timed out). Exit code 0 only when nothing failed.

Environment: CI=true (no build servers left running), NOTICECHAIN_TEST_TIMEOUT (seconds for the whole
test run, default 1080), NO_COLOR.
EOF
}

configuration=Debug
extra_args=()
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
    --)
      shift
      extra_args+=("$@")
      break
      ;;
    *)
      nc_error "unknown option '$1'"
      usage >&2
      exit 2
      ;;
  esac
  shift
done

cd "$NC_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results_dir="$NC_ROOT/TestResults/latest"
test_pgid=''
pg_dir=''
summary_printed=false

# Stops the test run's process group: test hosts and any Anvil a crashed host could not kill.
cleanup() {
  local status=$?
  if [[ -n "$test_pgid" ]] && kill -0 -- "-$test_pgid" 2>/dev/null; then
    kill -TERM -- "-$test_pgid" 2>/dev/null || true
    sleep 2
    kill -KILL -- "-$test_pgid" 2>/dev/null || true
  fi
  # The throwaway PostgreSQL of the store tests: stopped and its folder removed.
  [[ -z "$pg_dir" ]] || "$NC_ROOT/scripts/pg.sh" stop "$pg_dir" || true
  # The summary line is the contract with CI, also when setup failed or the run was interrupted.
  if [[ "$summary_printed" != true ]]; then
    nc_error "stopped before the tests completed (exit status $status); counted as one failure"
    echo "0 passed, 1 failed"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# summarise DIR: one line per TRX file, "project passed failed skipped", project name in lower case (TRX
# lower-cases paths). A run whose outcome is Failed without a failed test (a crashed test host) counts one.
summarise() {
  node - "$1" <<'EOF'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.trx')).sort() : []) {
  const xml = fs.readFileSync(path.join(dir, file), 'utf8');
  const counters = (/<Counters\b([^>]*)>/.exec(xml) || ['', ''])[1];
  const count = name => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(counters) || [])[1] || 0);
  const assembly =
    /\bstorage="([^"]+)\.dll"/i.exec(xml) ||
    /No test is available in (\S+)\.dll/.exec(xml) ||
    /Discovering: (\S+)/.exec(xml);
  const project = (assembly ? path.basename(assembly[1].replace(/\\/g, '/')) : path.basename(file, '.trx')).toLowerCase();
  const outcome = (/<ResultSummary outcome="(\w+)"/.exec(xml) || [])[1];
  let failed = count('failed') + count('error') + count('timeout') + count('aborted');
  if (failed === 0 && outcome !== undefined && !['Completed', 'Passed', 'Warning'].includes(outcome)) failed = 1;
  console.log(`${project} ${count('passed')} ${failed} ${count('notExecuted')}`);
}
EOF
}

started="$(nc_now)"
nc_ensure_node_modules
nc_require_dotnet

build_servers=()
# In CI nothing may outlive the script: build servers would keep its output pipe open.
[[ "${CI:-}" != true ]] || build_servers=(--disable-build-servers)

nc_info "dotnet build NoticeChain.sln --configuration $configuration"
build_started="$(nc_now)"
if ! dotnet build NoticeChain.sln --configuration "$configuration" --nologo --verbosity minimal \
  ${build_servers[@]+"${build_servers[@]}"}; then
  nc_error "the build failed after $(nc_elapsed "$build_started") s (errors above); no tests ran"
  summary_printed=true
  echo "0 passed, 1 failed"
  exit 1
fi
nc_ok "build done in $(nc_elapsed "$build_started") s"

# A throwaway PostgreSQL 15 for the store's and the API's PostgreSQL tests (scripts/pg.sh), stopped by cleanup.
# Should it not start, the run goes on and those tests fail, saying why.
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/noticechain-pg.XXXXXX")"
if NOTICECHAIN_TEST_POSTGRES="$("$NC_ROOT/scripts/pg.sh" start "$pg_dir")"; then
  export NOTICECHAIN_TEST_POSTGRES
else
  nc_error "PostgreSQL did not start (see above); the PostgreSQL tests will fail"
  unset NOTICECHAIN_TEST_POSTGRES
fi

# Debian's Chromium for the citizen page's browser tests (tests/NoticeChain.IntegrationTests/Browser), never a
# downloaded browser: installed here when missing and running as root; otherwise those tests fail saying why.
if [[ ! -x /usr/bin/chromium ]]; then
  if ((EUID == 0)); then
    nc_info "apt-get install chromium (for the citizen page's browser tests)"
    { apt-get install -y --no-install-recommends chromium || { apt-get update && apt-get install -y --no-install-recommends chromium; }; } \
      >/dev/null || nc_error "installing chromium failed; the browser tests will fail"
  else
    nc_error "/usr/bin/chromium is missing: run 'apt-get install -y --no-install-recommends chromium' as root; the browser tests will fail"
  fi
fi

rm -rf "$results_dir"
mkdir -p "$results_dir"
timeout_seconds="${NOTICECHAIN_TEST_TIMEOUT:-1080}"
nc_info "dotnet test NoticeChain.sln (results in ${results_dir#"$NC_ROOT/"}, limit ${timeout_seconds} s)"
test_started="$(nc_now)"
# setsid puts the run in its own process group, so cleanup can stop everything it started and nothing else.
setsid --wait timeout --kill-after=30 "$timeout_seconds" \
  dotnet test NoticeChain.sln --no-build --configuration "$configuration" --nologo \
  --results-directory "$results_dir" --logger trx \
  --blame-hang-timeout 5m --blame-hang-dump-type none \
  ${extra_args[@]+"${extra_args[@]}"} </dev/null &
test_pid=$!
# The run leads its own group once setsid has run; until then it is still in ours, which must never be
# signalled. (Were setsid to fork, the group would stay unknown and only the run itself be waited for.)
for _ in {1..50}; do
  if [[ "$(ps -o pgid= -p "$test_pid" 2>/dev/null | tr -d ' ')" == "$test_pid" ]]; then
    test_pgid="$test_pid"
    break
  fi
  sleep 0.02
done
test_status=0
wait "$test_pid" || test_status=$?
((test_status != 124)) || nc_error "the test run hit the ${timeout_seconds} s limit and was stopped"
nc_info "dotnet test exited with $test_status after $(nc_elapsed "$test_started") s"

passed=0
failed=0
declare -A reported=()
printf '\n%-36s %8s %8s %8s\n' "test project" passed failed skipped
while read -r project project_passed project_failed project_skipped; do
  reported[$project]="$project_passed $project_failed $project_skipped"
  passed=$((passed + project_passed))
  failed=$((failed + project_failed))
done < <(summarise "$results_dir")
while read -r project_file; do
  project="$(basename "$project_file" .csproj)"
  if [[ -n "${reported[${project,,}]:-}" ]]; then
    read -r project_passed project_failed project_skipped <<<"${reported[${project,,}]}"
    printf '%-36s %8d %8d %8d\n' "$project" "$project_passed" "$project_failed" "$project_skipped"
  else
    printf '%-36s %8s %8d %8s   (no results: crashed, hung or stopped)\n' "$project" - 1 -
    failed=$((failed + 1))
  fi
done < <(dotnet sln NoticeChain.sln list | tr '\134' '/' | grep -E '^tests/.*\.csproj$' || true)

# The citizen page's JavaScript unit tests (merkle.js against the RFC 9162 vectors, the wording rules), in Node.
node_log="$results_dir/browser-unit.tap"
node --test --test-reporter=tap tests/browser/unit/*.test.mjs >"$node_log" 2>&1 || true
node_passed="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$node_log")"
node_failed="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$node_log")"
if [[ -n "$node_passed" && -n "$node_failed" ]]; then
  printf '%-36s %8d %8d %8d\n' "tests/browser/unit (node)" "$node_passed" "$node_failed" 0
  passed=$((passed + node_passed))
  failed=$((failed + node_failed))
  ((node_failed == 0)) || grep -E '^not ok' "$node_log" >&2 || true
else
  printf '%-36s %8s %8d %8s   (no results: see %s)\n' "tests/browser/unit (node)" - 1 - "${node_log#"$NC_ROOT/"}"
  failed=$((failed + 1))
fi

echo
nc_info "total time $(nc_elapsed "$started") s"
if ((test_status != 0 && failed == 0)); then
  nc_error "dotnet test exited with $test_status although no test failed; counted as one failure"
  failed=1
fi
summary_printed=true
echo "$passed passed, $failed failed"
((failed == 0))
