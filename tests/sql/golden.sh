#!/bin/sh
# The Spark dialect is checked by golden files (docs/sql.md): the script
# `pcs sql` prints must equal the reviewed one byte for byte, and
# tests/sql/spark/run.sh parses the golden files with a Spark SQL grammar.
# Usage (from the source root): golden.sh GOLDEN_FILE pcs-sql-arguments...
# PCS_UPDATE_GOLDEN=1 rewrites the golden file instead.
set -u
golden=$1; shift
if [ "${PCS_UPDATE_GOLDEN:-}" = 1 ]; then "$PCS_BIN" sql "$@" > "$golden"; exit $?; fi
"$PCS_BIN" sql "$@" | diff -u "$golden" - && echo "same as $golden"
