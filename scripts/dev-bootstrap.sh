#!/usr/bin/env bash
# Development set-up on the running dev chain, idempotent: a governance key, the registry, and one demo
# authority with its own key, registered through governance. Writes data/dev.env for scripts/api.sh.
#
# Keys are generated here into the data folder (git-ignored), encrypted with a random dev passphrase kept
# beside them (mode 600); they are funded with anvil_setBalance, so no well-known dev account is used.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

configuration="${1:-Debug}"
data_dir="$(nc_data_dir)"
# shellcheck source=/dev/null
source "$data_dir/devchain/devchain.env"
rpc="$DEVCHAIN_RPC_URL"
cli=(dotnet "$NC_ROOT/src/NoticeChain.Cli/bin/$configuration/net10.0/noticechain.dll")
keys="$data_dir/keys"
demo_code="${NOTICECHAIN_DEMO_AUTHORITY:-DEMO-05562004-BAU}"
demo_name="${NOTICECHAIN_DEMO_AUTHORITY_NAME:-Untere Bauaufsicht Herten (Demo)}"

umask 077
mkdir -p "$keys/authorities"
passphrase_file="$keys/dev-passphrase"
[[ -s "$passphrase_file" ]] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$passphrase_file"
export NOTICECHAIN_KEY_PASSPHRASE
NOTICECHAIN_KEY_PASSPHRASE="$(cat "$passphrase_file")"

fund() {
  nc_rpc "$rpc" anvil_setBalance "[\"$1\",\"0x56bc75e2d63100000\"]" >/dev/null # 100 ether
}

governance_key="$keys/governance.json"
[[ -f "$governance_key" ]] || "${cli[@]}" keys new --out "$governance_key" --light >/dev/null
governance="$("${cli[@]}" keys address --key-file "$governance_key")"
fund "$governance"

# The registry: deployed once per chain state; a reset chain has no code at the recorded address.
registry_env="$data_dir/devchain/registry.env"
registry=''
if [[ -f "$registry_env" ]]; then
  # shellcheck source=/dev/null
  source "$registry_env"
  registry="$DEV_REGISTRY"
  code="$(nc_rpc "$rpc" eth_getCode "[\"$registry\",\"latest\"]" | sed -n 's/.*"result":"\(0x[0-9a-fA-F]*\)".*/\1/p')"
  [[ "${#code}" -gt 2 ]] || registry=''
fi
if [[ -z "$registry" ]]; then
  registry="$("${cli[@]}" registry deploy --rpc "$rpc" --key-file "$governance_key" --json | sed -n 's/.*"registry": *"\(0x[0-9a-fA-F]*\)".*/\1/p')"
  [[ -n "$registry" ]] || nc_die "the registry deployment printed no address"
  printf 'DEV_REGISTRY=%s\n' "$registry" >"$registry_env"
  nc_ok "registry deployed at $registry"
fi

# The demo authority: its keystore is named after its issuer id, where the API's keyring looks for it.
demo_id="$("${cli[@]}" issuers id "$demo_code")"
demo_key="$keys/authorities/$demo_id.json"
[[ -f "$demo_key" ]] || "${cli[@]}" keys new --out "$demo_key" --light >/dev/null
demo_address="$("${cli[@]}" keys address --key-file "$demo_key")"
fund "$demo_address"
if ! "${cli[@]}" issuers list --rpc "$rpc" --registry "$registry" --json | grep -q "\"$demo_id\""; then
  "${cli[@]}" issuers register --rpc "$rpc" --registry "$registry" --key-file "$governance_key" \
    --id "$demo_code" --name "$demo_name" --key "$demo_address" >/dev/null
  nc_ok "demo authority '$demo_name' registered ($demo_id)"
fi

cat >"$data_dir/dev.env" <<EOF_ENV
NOTICECHAIN__Chain__RpcUrl=$rpc
NOTICECHAIN__Chain__Registry=$registry
NOTICECHAIN__Keys__PassphraseFile=$passphrase_file
NOTICECHAIN_DEMO_AUTHORITY=$demo_code
NOTICECHAIN_DEMO_AUTHORITY_ID=$demo_id
EOF_ENV
