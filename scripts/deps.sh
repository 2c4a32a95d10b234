#!/bin/sh
# Installs the Debian packages hlm needs when they are missing (Debian 12).
# Runs apt-get only when something is missing; needs root for that.
set -eu
pkgs="build-essential cmake ninja-build pkg-config libsqlite3-dev sqlite3 \
libjansson-dev libcmocka-dev libgmp-dev python3"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installation des paquets manquants :$missing"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
