#!/usr/bin/env bash
# Runs a command and compares its standard output with a golden file.
#   golden.sh EXPECTED_FILE CODE -- command args...
set -u
expected="$1"; code="$2"; shift 3
out=$("$@" 2>&1); got=$?
if [ "$got" != "$code" ]; then printf 'expected exit %s, got %s\n%s\n' "$code" "$got" "$out"; exit 1; fi
if ! diff -u "$expected" <(printf '%s\n' "$out"); then echo "output differs from $expected"; exit 1; fi
