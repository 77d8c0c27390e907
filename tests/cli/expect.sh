#!/usr/bin/env bash
# Runs a command as a user would and checks its exit code and output.
#   expect.sh CODE PATTERN -- command args...
# PATTERN is an extended regular expression that stdout+stderr must match
# ('' to skip). Prints what happened when the expectation fails.
set -u
code="$1"; pattern="$2"; shift 3
out=$("$@" 2>&1); got=$?
if [ "$got" != "$code" ]; then
  printf 'expected exit %s, got %s from: %s\n%s\n' "$code" "$got" "$*" "$out"; exit 1
fi
if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" <<<"$out"; then
  printf 'output of %s does not match /%s/:\n%s\n' "$*" "$pattern" "$out"; exit 1
fi
exit 0
