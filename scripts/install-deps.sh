#!/usr/bin/env bash
# Installs the Debian packages pcs needs, only those missing. Safe to re-run.
set -euo pipefail
packages=(g++ clang libclang-rt-14-dev cmake make python3 tao-pegtl-dev libfmt-dev libcli11-dev doctest-dev time)
# The browser tests (tests/browser/) drive Debian's chromium through playwright-core.
packages+=(chromium)
# pcs serve (serve/): its HTTP layer is cpp-httplib; pcs serve and the language
# server (lsp/, JSON-RPC) read and write JSON with nlohmann-json.
packages+=(libcpp-httplib-dev nlohmann-json3-dev)
# The SQL equality tests (tests/sql/) run `pcs sql --dialect postgres` on a PostgreSQL server they start.
packages+=(postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The editor grammar's tests run vscode-tmgrammar-test from the npm registry.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
