#!/usr/bin/env bash
# What the test suite needs beyond Java 17, installed before the first test runs (./mvnw verify calls this in its
# validate phase; .ci/run calls ./mvnw verify and nothing else). On Debian/Ubuntu:
#   chromium + chromium-driver   the browser tests (Selenium drives /usr/bin/chromium through /usr/bin/chromedriver)
#   postgresql                   the PostgreSQL runs (scripts/pg-throwaway.sh starts throw-away clusters)
# The Japanese PDF font ships with the service (oqs-server), so no font package is needed.
#
# Everything present: prints one line, exit 0. Something missing: as root it runs apt-get, with passwordless sudo
# it runs sudo apt-get; otherwise it stops at once with the one command that installs what is missing (exit 1).
#   scripts/test-prerequisites.sh [SKIP]   SKIP=true (Maven passes -DskipTests / -Dmaven.test.skip) does nothing
# OQS_PREREQUISITES_ROOT (for its own test) is put before every path it checks.
set -euo pipefail

for skip in "$@"; do
  [ "$skip" = true ] && exit 0
done

missing=()
[ -x "${OQS_PREREQUISITES_ROOT:-}/usr/bin/chromium" ] || missing+=(chromium)
[ -x "${OQS_PREREQUISITES_ROOT:-}/usr/bin/chromedriver" ] || missing+=(chromium-driver)
compgen -G "${OQS_PREREQUISITES_ROOT:-}/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  echo "test prerequisites: chromium, chromium-driver and PostgreSQL are installed"
  exit 0
fi

install="apt-get install -y ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  cat >&2 <<MSG
The tests need ${missing[*]}, which this machine lacks, and installing them needs root.
Install them with this one command, then run ./mvnw verify again:

    sudo apt-get update && sudo $install

MSG
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need ${missing[*]} (Debian package names); this machine has no apt-get: install them with its package manager." >&2
  exit 1
fi
echo "test prerequisites: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q "${missing[@]}"
