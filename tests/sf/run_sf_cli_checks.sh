#!/usr/bin/env bash
# The Salesforce CLI against the demo org: every `sf` command that support staff rely on
# (tests/sf/test_sf_cli.py). Installs @salesforce/cli and the Node 22 it needs into a cache
# folder the first time (about 300 MB), then runs the checks against a demo org started for them.
#
#   tests/sf/run_sf_cli_checks.sh [pytest options]
#
# NAVSYNC_SF_CLI_CACHE moves the cache (default: ~/.cache/navsync-desktop/sf-cli-<version>).
set -euo pipefail
cd "$(dirname "$0")/../.."

SF_CLI_VERSION=2.146.3
NODE_VERSION=22.23.3
CACHE="${NAVSYNC_SF_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/navsync-desktop/sf-cli-$SF_CLI_VERSION}"

if ! command -v npm >/dev/null 2>&1; then
    echo "run_sf_cli_checks: npm is needed to install the Salesforce CLI" >&2
    exit 1
fi
if [ ! -x "$CACHE/node_modules/.bin/sf" ] || [ ! -x "$CACHE/node_modules/node/bin/node" ]; then
    mkdir -p "$CACHE"
    # The `node` package fetches Node $NODE_VERSION in its install script: npm 11 runs only
    # the install scripts a package.json allows.
    cat >"$CACHE/package.json" <<JSON
{
  "private": true,
  "dependencies": {"@salesforce/cli": "$SF_CLI_VERSION", "node": "$NODE_VERSION"},
  "allowScripts": {"node": true, "@salesforce/cli": false, "yarn": false, "protobufjs": false}
}
JSON
    echo "Installing @salesforce/cli $SF_CLI_VERSION and Node $NODE_VERSION into $CACHE"
    npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error
fi

make --no-print-directory .venv/.installed translations
NAVSYNC_SF_CLI="$CACHE" QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/sf -v "$@"
