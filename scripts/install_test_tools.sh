#!/usr/bin/env bash
# The test suite's programs from outside PyPI, from the machine's package manager (Debian):
# PostgreSQL, for the store's tests against a real server, and Chromium, for the browser journey.
# Installs only what is missing, and only where it can (as root); elsewhere it says what to install.
set -euo pipefail
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v pg_config >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} from the package manager for the tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Note: ${missing[*]} not installed; the tests that need them are skipped (sudo apt-get install ${missing[*]})."
fi
