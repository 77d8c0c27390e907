#!/bin/sh
# Builds editors/vscode/pcs-language-VERSION.vsix: installs the pinned tools
# (package-lock.json), bundles src/extension.js and vscode-languageclient
# into dist/extension.js with esbuild, then packages with @vscode/vsce.
# Install the result with: code --install-extension pcs-language-*.vsix
set -eu
case $0 in */*) cd "${0%/*}" ;; esac
npm ci --no-audit --no-fund --loglevel=error
npx --no-install esbuild src/extension.js --bundle --platform=node --format=cjs --external:vscode \
  --target=node18 --minify --outfile=dist/extension.js --log-level=warning
npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license
