#!/usr/bin/env bash
# Checks the Besu network setup as far as a machine without a Docker engine can: no container is started.
# The checks pass programs (node -e, bash -c) in single quotes on purpose: their $ are theirs, not this shell's.
# shellcheck disable=SC2016
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

usage() {
  cat <<'EOF'
Usage: scripts/besu/check.sh [--dir DIR] [--compose FILE]

Without --dir, runs scripts/besu/setup.sh into a temporary folder (example governance, authority and OIDC
values) and checks that; with --dir, checks an existing generated folder (e.g. deploy/generated).
--compose checks another compose file than docker-compose.yml (used to see each check fail).

Checks: docker-compose.yml validates with the generated .env (Debian's docker-compose v1 `config -q`,
installed with --no-install-recommends when missing and root; else `docker compose`; else dclint from npm)
and fails without the OIDC variables; genesis.json parses and has the expected fields for contracts/
compiler.json's evmVersion; its extraData decodes (our RLP) to exactly the generated validators, one per
validator service; every enode is allowlisted; the account allowlist holds governance and the
authorities, both allowlists are on in config.toml and mounted on every node, no node offers PERM or ADMIN; every NOTICECHAIN__ variable of the compose file is an
option the API binds; the API's chain id is the genesis' and its fee mode free; every image is pinned to a version; no password is written in the compose file;
the keys and secrets are mode 600. Ends with "N passed, N failed"; exit code 0 only when nothing failed.
EOF
}

dir=''
compose_file="$NC_ROOT/docker-compose.yml"
while (($# > 0)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --dir) dir="${2:?--dir needs a folder}"; shift ;;
    --compose) compose_file="$(realpath "${2:?--compose needs a file}")"; shift ;;
    *) nc_error "unknown option '$1'"; usage >&2; exit 2 ;;
  esac
  shift
done

cd "$NC_ROOT"
passed=0 failed=0
pass() { passed=$((passed + 1)); nc_ok "ok: $*"; }
fail() { failed=$((failed + 1)); nc_error "FAILED: $*"; }
check() { # check DESCRIPTION COMMAND...: runs the command quietly, records the outcome
  local description="$1" log
  shift
  log="$(mktemp)"
  if "$@" >"$log" 2>&1; then pass "$description"; else fail "$description"; sed 's/^/    /' "$log" >&2; fi
  rm -f "$log"
}

temp=''
cleanup() { [[ -z "$temp" ]] || rm -rf "$temp"; }
trap cleanup EXIT
if [[ -z "$dir" ]]; then
  temp="$(mktemp -d)"
  dir="$temp/generated"
  nc_info "generating an example network into $dir"
  "$NC_ROOT/scripts/besu/setup.sh" --out "$dir" --chain-id 20260 \
    --governance 0x1111111111111111111111111111111111111111 \
    --authority 0x2222222222222222222222222222222222222222 --authority 0x3333333333333333333333333333333333333333 \
    --oidc-authority https://login.example.org/realms/noticechain --oidc-audience noticechain-api \
    --public-url https://bescheide.example.org --trusted-proxy 172.20.0.1 >&2
fi
dir="$(cd "$dir" && pwd)"
env_file="$dir/.env"
[[ -f "$env_file" && -f "$dir/genesis.json" && -f "$dir/network.json" ]] || nc_die "$dir is not a generated network folder"

tool_args=(-c Release)
[[ -z "${NOTICECHAIN_ARTIFACTS:-}" ]] || tool_args+=(--artifacts-path "$NOTICECHAIN_ARTIFACTS")
genesis_tool() { dotnet run --project "$NC_ROOT/scripts/besu/GenesisTool/GenesisTool.csproj" "${tool_args[@]}" -- "$@"; }

# --- 1. The compose file validates (no engine needed for `config`). ---
compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  nc_info "installing Debian's docker-compose (v1) with --no-install-recommends"
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose) >&2; then
    compose=(docker-compose)
  fi
fi
if ((${#compose[@]} == 0)) && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
fi
if ((${#compose[@]} > 0)); then
  nc_info "validating with: ${compose[*]} ($("${compose[@]}" version --short 2>/dev/null || true))"
  check "compose file validates with the generated .env (${compose[*]} config -q)" \
    "${compose[@]}" --env-file "$env_file" -f "$compose_file" config -q
  without_oidc="$(mktemp)"
  grep -v '^NOTICECHAIN_AUTH_' "$env_file" >"$without_oidc"
  check "compose refuses to run without the OIDC settings (\${VAR:?} substitution)" \
    bash -c '! "$@"' _ "${compose[@]}" --env-file "$without_oidc" -f "$compose_file" config -q
  rm -f "$without_oidc"
else
  nc_require_node
  nc_info "no docker-compose: validating with dclint from npm"
  check "compose file passes dclint (errors only)" npx --yes dclint@3.1.0 --quiet "$compose_file"
fi

# --- 2. The genesis parses and says what the network is. ---
evm_version="$(nc_hardfork)"
check "genesis.json parses and has the QBFT, free-gas and milestone fields for evmVersion '$evm_version'" \
  node -e '
    const [genesisPath, networkPath, evm] = process.argv.slice(1);
    const g = require(genesisPath), n = require(networkPath), c = g.config, fail = m => { console.error(m); process.exit(1); };
    if (c.chainId !== n.chainId) fail(`chainId ${c.chainId} differs from network.json ${n.chainId}`);
    if (!c.qbft || c.qbft.blockperiodseconds !== 2) fail("qbft.blockperiodseconds must be 2");
    if (!(c.qbft.epochlength > 0) || !(c.qbft.requesttimeoutseconds > c.qbft.blockperiodseconds)) fail("qbft epochlength/requesttimeoutseconds missing or too small");
    if (g.mixHash !== "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365") fail("mixHash is not the BFT constant");
    if (g.difficulty !== "0x1") fail("difficulty must be 0x1");
    const london = ["london", "paris", "shanghai"].includes(evm);
    if (london && (c.londonBlock !== 0 || c.zeroBaseFee !== true || g.baseFeePerGas !== "0x0")) fail("London with zeroBaseFee and baseFeePerGas 0x0 expected");
    if (evm !== "shanghai" && "shanghaiTime" in c) fail(`shanghaiTime present although evmVersion is ${evm}`);
    if ("cancunTime" in c || "pragueTime" in c) fail("a fork later than the compiler target is enabled");
    if (n.evmVersion !== evm) fail(`generated for ${n.evmVersion}, compiler says ${evm}`);
  ' "$dir/genesis.json" "$dir/network.json" "$evm_version"

# --- 3. The extraData decodes (our RLP) to exactly the generated validators, one per compose validator. ---
decoded="$(genesis_tool decode-extradata --genesis "$dir/genesis.json" | sort)" || decoded='decode failed'
expected="$(node -e 'for (const x of require(process.argv[1]).nodes) if (x.validator) console.log(x.address)' "$dir/network.json" | sort)"
services="$(grep -cE '^  validator[0-9]+:' "$compose_file")"
check "extraData decodes to exactly the $services generated validators" \
  bash -c '[[ "$1" == "$2" && $(wc -l <<<"$1") -eq $3 ]] || { echo "decoded:"; echo "$1"; echo "generated:"; echo "$2"; exit 1; }' _ "$decoded" "$expected" "$services"

# --- 4. Permissioning: every node's enode is allowlisted; the IPs of the .env are the enodes' IPs. ---
check "permissions_config.toml allowlists every node's enode and network.json's IPs match the .env" \
  node -e '
    const fs = require("fs"), [net, perms, env] = process.argv.slice(1);
    const toml = fs.readFileSync(perms, "utf8"), vars = fs.readFileSync(env, "utf8");
    for (const x of require(net).nodes) {
      if (!toml.includes(`"${x.enode}"`)) { console.error(`${x.name} not allowlisted`); process.exit(1); }
      if (!vars.includes(`BESU_${x.name.toUpperCase()}_IP=${x.ip}\n`)) { console.error(`${x.name} IP differs in .env`); process.exit(1); }
    }' "$dir/network.json" "$dir/permissions_config.toml" "$env_file"

# --- 4b. Account allowlist: exactly governance and the authorities; both allowlists on; no PERM/ADMIN over JSON-RPC. ---
# Accounts added later by onboarding (docs/deploy.md, Permissioning) are allowed beyond network.json's.
check "accounts-allowlist holds governance and every --authority account of network.json, as well-formed distinct addresses" \
  node -e '
    const fs = require("fs"), [net, perms] = process.argv.slice(1), n = require(net);
    const line = fs.readFileSync(perms, "utf8").split("\n").find(l => l.startsWith("accounts-allowlist="));
    if (!line) { console.error("no accounts-allowlist"); process.exit(1); }
    const listed = JSON.parse(line.slice("accounts-allowlist=".length));
    const bad = listed.filter(a => !/^0x[0-9a-f]{40}$/.test(a));
    if (bad.length) { console.error(`not a lower-case address: ${bad}`); process.exit(1); }
    if (new Set(listed).size !== listed.length) { console.error("an account is listed twice"); process.exit(1); }
    const missing = [n.governance, ...n.authorities].map(a => a.toLowerCase()).filter(a => !listed.includes(a));
    if (missing.length) { console.error(`not allowlisted: ${missing}`); process.exit(1); }
  ' "$dir/network.json" "$dir/permissions_config.toml"
check "config.toml enables node and account allowlists on the mounted permissions_config.toml" \
  bash -c 'for k in permissions-nodes-config-file permissions-accounts-config-file; do
             grep -qxE "$k-enabled=true" "$1" && grep -qxE "$k=\"/etc/besu/permissions_config.toml\"" "$1" || { echo "$k not enabled on the mounted file"; exit 1; }
           done
           [[ $(grep -cE "permissions_config.toml:/etc/besu/permissions_config.toml:ro" "$2") -eq $(grep -cE "^  (validator[0-9]+|rpc):" "$2") ]] || { echo "not every node mounts the file read-only"; exit 1; }' \
  _ "$NC_ROOT/deploy/besu/config.toml" "$compose_file"
check "no node enables the PERM or ADMIN JSON-RPC methods (allowlists change only through the reviewed file)" \
  bash -c '! grep -oE "rpc-http-api=[A-Z0-9,]+" "$1" "$2" | grep -E "PERM|ADMIN"' _ "$compose_file" "$NC_ROOT/deploy/besu/config.toml"

# --- 5. Every NOTICECHAIN__ variable is an option the API binds. ---
# A variable NOTICECHAIN__Section__Name must match a class under src/ with `Section = "Section"` and a settable
# property Name, or a get-only collection property Name when the variable ends in an index (Name__0).
# Host-level keys that are not in an options class are listed here with where they are read.
host_keys=(Urls) # WebHostDefaults.ServerUrlsKey, read in ApiHost.Build
unknown=()
while read -r variable; do
  key="${variable#NOTICECHAIN__}"
  if [[ "$key" != *__* ]]; then
    [[ " ${host_keys[*]} " == *" $key "* ]] || unknown+=("$variable (no such host key)")
    continue
  fi
  section="${key%%__*}" property="${key#*__}" accessor='\{ get; (set|init);'
  if [[ "$property" =~ ^(.+)__[0-9]+$ ]]; then
    property="${BASH_REMATCH[1]}" accessor='\{ get; (set;|init;|\})'
  fi
  mapfile -t files < <(grep -rlE "const string Section = \"$section\";" src --include='*.cs' || true)
  if ((${#files[@]} == 0)) || ! grep -qE "\b$property $accessor" "${files[@]}"; then
    unknown+=("$variable")
  fi
done < <(grep -oE 'NOTICECHAIN__[A-Za-z0-9_]+' "$compose_file" | sort -u)
check "every NOTICECHAIN__ variable of the compose file is an option the API binds" \
  bash -c '(($# == 0)) || { printf "not an option: %s\n" "$@"; exit 1; }' _ "${unknown[@]}"

# --- 5b. The API is configured for this network: its chain id and free gas (decision 0018). ---
check "the API's Chain:ChainId is the genesis chain id and Chain:Fees is free, matching min-gas-price=0 and the genesis" \
  node -e '
    const fs = require("fs"), [compose, config, genesisPath, env] = process.argv.slice(1);
    const text = fs.readFileSync(compose, "utf8"), c = require(genesisPath).config, fail = m => { console.error(m); process.exit(1); };
    const chainId = /^\s*NOTICECHAIN__Chain__ChainId:\s*\$\{BESU_CHAIN_ID:\?[^}]*\}\s*$/m.test(text);
    if (!chainId) fail("NOTICECHAIN__Chain__ChainId must be ${BESU_CHAIN_ID:?...}");
    if (!fs.readFileSync(env, "utf8").includes(`BESU_CHAIN_ID=${c.chainId}\n`)) fail(`BESU_CHAIN_ID in .env is not the genesis chain id ${c.chainId}`);
    if (!/^\s*NOTICECHAIN__Chain__Fees:\s*free\s*$/m.test(text)) fail("NOTICECHAIN__Chain__Fees must be free on this network");
    if (!/^min-gas-price=0$/m.test(fs.readFileSync(config, "utf8"))) fail("deploy/besu/config.toml must set min-gas-price=0");
    if ("londonBlock" in c && c.zeroBaseFee !== true) fail("a London genesis needs zeroBaseFee for free gas");
  ' "$compose_file" "$NC_ROOT/deploy/besu/config.toml" "$dir/genesis.json" "$env_file"

# --- 6. Images are pinned to versions; no literal password in the committed files. ---
check "every image in docker-compose.yml and deploy/Dockerfile is pinned to a version (no latest, no bare name)" \
  bash -c '! grep -hoE "^\s*(image:|FROM)\s+\S+" "$1" "$2" | awk "{print \$2}" | grep -vE ":[0-9]+(\.[0-9]+)+$"' _ "$compose_file" "$NC_ROOT/deploy/Dockerfile"
check "no password is written in docker-compose.yml (only *_FILE, secrets and Passfile)" \
  bash -c '! grep -niE "(password|passphrase)[A-Za-z_]*\s*[:=]\s*[^/ ]" "$1" | grep -viE "_FILE:|PassphraseFile:|Passfile=/run/secrets/"' _ "$compose_file"

# --- 7. Keys and secrets are readable by their owner only. ---
check "node keys and secrets are mode 600" \
  bash -c 'for f in "$1"/nodes/*/key "$1"/secrets/*; do [[ "$(stat -c %a "$f")" == 600 ]] || { echo "$f is $(stat -c %a "$f")"; exit 1; }; done' _ "$dir"

echo "$passed passed, $failed failed"
((failed == 0))
