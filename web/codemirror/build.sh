#!/bin/sh
# Rebuilds ../vendor/codemirror.min.js, the CodeMirror bundle of `pcs serve`,
# from the pinned packages of package-lock.json (npm ci) and entry.js, and
# gathers the licences of every package in it into ../vendor/codemirror.LICENSES.txt.
# The bundle is committed, so building pcs needs neither npm nor this script.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=PcsCodeMirror \
  --target=es2020 --legal-comments=eof --metafile=meta.json --outfile=../vendor/codemirror.min.js.tmp
node licences.mjs meta.json ../vendor/codemirror.min.js.tmp ../vendor/codemirror.min.js ../vendor/codemirror.LICENSES.txt
rm -f meta.json ../vendor/codemirror.min.js.tmp
ls -l ../vendor/codemirror.min.js ../vendor/codemirror.LICENSES.txt
