#!/usr/bin/env bash
# Installs Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, the official local Teams client) for the
# Playground test, into /opt/m365agentsplayground (override with SA_PLAYGROUND_DIR). Needs Node.js >= 18 and npm (installed
# from Debian when missing) and Chromium (install-chromium.sh). Idempotent and quiet: does nothing when that version is there.
set -euo pipefail

VERSION="0.2.28"
DIR="${SA_PLAYGROUND_DIR:-/opt/m365agentsplayground}"
PKG="$DIR/node_modules/@microsoft/m365agentsplayground/package.json"

if [ -f "$PKG" ] && grep -q "\"version\": \"$VERSION\"" "$PKG"; then
  echo "agents playground $VERSION already installed in $DIR"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

if ! command -v npm > /dev/null 2>&1 || ! command -v node > /dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi

$SUDO mkdir -p "$DIR"
$SUDO npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@microsoft/m365agentsplayground@$VERSION" > /dev/null
echo "agents playground $VERSION installed in $DIR"
