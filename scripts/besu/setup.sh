#!/usr/bin/env bash
# Generates the Besu QBFT network that docker-compose.yml runs: node keys, genesis, permissioning, secrets, .env.
# The output is git-ignored (deploy/generated/) and never committed; keys are never printed.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

usage() {
  cat <<'EOF'
Usage: scripts/besu/setup.sh --governance ADDRESS [--authority ADDRESS]... [options]

Generates, with scripts/besu/GenesisTool (our own secp256k1 keys and RLP), into OUT (default deploy/generated/):
  nodes/validator1..4/key, nodes/rpc/key   node keys (mode 600, never printed) and empty data folders
  genesis.json                             QBFT, block period 2 s, milestones from contracts/compiler.json, free gas
  permissions_config.toml                  node allowlist (all five enodes), account allowlist (governance, authorities)
  network.json                             the nodes' addresses, enode ids and IPs (public)
  secrets/                                 PostgreSQL password, pgpass for the API, authority keystore passphrase (600)
  api/data/                                the API's data folder (authority keystores go to api/data/keys/authorities/)
  .env                                     for: docker compose --env-file OUT/.env up -d

Options:
  --governance ADDRESS       governance account (required); always on the account allowlist
  --authority ADDRESS        a registered authority's signing account; repeat for each
  --chain-id N               chain id (default 20260; pick one no public network uses)
  --oidc-authority URL       the OIDC provider's issuer URL for the API (Auth:Authority)
  --oidc-audience AUD        the audience the provider issues for the API (Auth:Audience)
  --oidc-issuer ISS          the exact iss of the tokens (Auth:Issuer; default: --oidc-authority)
  --public-url URL           the https address citizens reach the service at: QR codes on printed notices
                             link to URL/n/<notice id> (Verify:PublicBaseUrl), so it must be final
  --trusted-proxy CIDR       the TLS proxy's address or network as the API sees it (Proxy:TrustedProxies):
                             its X-Forwarded-For then names the client for the per-client rate limits
  --out DIR                  output folder (default: deploy/generated)
  --force                    replace existing keys and secrets: a new genesis is a NEW CHAIN; refused while any
                             node's data folder still holds chain data
Without the three OIDC settings and --public-url, `docker compose config` stops and names the missing variable.
EOF
}

out="$NC_ROOT/deploy/generated"
chain_id=20260
governance=''
authorities=()
oidc_authority='' oidc_audience='' oidc_issuer=''
public_url='' trusted_proxy=''
force=false
while (($# > 0)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --governance) governance="${2:?--governance needs an address}"; shift ;;
    --authority) authorities+=("${2:?--authority needs an address}"); shift ;;
    --chain-id) chain_id="${2:?--chain-id needs a number}"; shift ;;
    --oidc-authority) oidc_authority="${2:?--oidc-authority needs a URL}"; shift ;;
    --oidc-audience) oidc_audience="${2:?--oidc-audience needs a value}"; shift ;;
    --oidc-issuer) oidc_issuer="${2:?--oidc-issuer needs a value}"; shift ;;
    --public-url) public_url="${2:?--public-url needs a URL}"; shift ;;
    --trusted-proxy) trusted_proxy="${2:?--trusted-proxy needs an address or network}"; shift ;;
    --out) out="${2:?--out needs a folder}"; shift ;;
    --force) force=true ;;
    *) nc_error "unknown option '$1'"; usage >&2; exit 2 ;;
  esac
  shift
done

[[ -n "$governance" ]] || { nc_error "--governance is required"; usage >&2; exit 2; }
nc_require_dotnet
if [[ "$(id -u)" == 0 ]]; then
  nc_warn "running as root: the containers will run as root too (they run as the user who ran this script)"
fi

args=(generate --out "$out" --chain-id "$chain_id" --validators 4 --block-period 2
  --compiler-json "$NC_ROOT/contracts/compiler.json" --governance "$governance"
  --env "NOTICECHAIN_UID=$(id -u)" --env "NOTICECHAIN_GID=$(id -g)")
for authority in "${authorities[@]}"; do
  args+=(--authority "$authority")
done
[[ -z "$oidc_authority" ]] || args+=(--env "NOTICECHAIN_AUTH_AUTHORITY=$oidc_authority" --env "NOTICECHAIN_AUTH_ISSUER=${oidc_issuer:-$oidc_authority}")
[[ -z "$oidc_audience" ]] || args+=(--env "NOTICECHAIN_AUTH_AUDIENCE=$oidc_audience")
[[ -z "$public_url" ]] || args+=(--env "NOTICECHAIN_PUBLIC_BASE_URL=$public_url")
[[ -z "$trusted_proxy" ]] || args+=(--env "NOTICECHAIN_TRUSTED_PROXY=$trusted_proxy")

if $force; then
  # Keys can be replaced; chain data cannot silently be orphaned: a new genesis does not match it.
  for data in "$out"/nodes/*/data; do
    if [[ -d "$data" && -n "$(ls -A "$data")" ]]; then
      nc_die "$data holds chain data of the current network; stop the network and empty the nodes' data folders first (this deletes the chain)"
    fi
  done
  args+=(--force)
fi

build_args=(-c Release)
# Lets a shared build machine keep this build's outputs apart (scripts/besu/check.sh sets it).
[[ -z "${NOTICECHAIN_ARTIFACTS:-}" ]] || build_args+=(--artifacts-path "$NOTICECHAIN_ARTIFACTS")

nc_info "generating the Besu network into $out"
dotnet run --project "$NC_ROOT/scripts/besu/GenesisTool/GenesisTool.csproj" "${build_args[@]}" -- "${args[@]}"
nc_ok "done; next: docker compose --env-file $out/.env up -d (see docs/deploy.md, section Besu network)"
