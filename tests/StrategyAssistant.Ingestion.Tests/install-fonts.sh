#!/usr/bin/env bash
# Installs the Japanese TrueType font the PDF tests render synthetic documents with (Debian fonts-ipafont-gothic).
set -euo pipefail
if [ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends fonts-ipafont-gothic fonts-dejavu-core >/dev/null
