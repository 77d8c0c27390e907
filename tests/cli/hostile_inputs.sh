#!/usr/bin/env bash
# Hostile inputs from the command line (issue 11): each gives its located
# error and documented exit code, in bounded time and memory.
#   hostile_inputs.sh PCS_BIN
# The inputs are generated here (a 200 MB file does not belong in git) in a
# temporary folder that is removed at the end.
set -u
pcs="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect NAME CODE PATTERN MAX_KB MAX_SECONDS -- command...
# expect.sh checks the exit code and the output (an extended regular
# expression); around it, peak memory at most MAX_KB and time at most MAX_SECONDS.
expect() {
  local name="$1" code="$2" pattern="$3" max_kb="$4" max_s="$5"
  shift 6
  local kb secs ok=1
  /usr/bin/time -f '%M %e' -o "$work/time" "$(dirname "$0")/expect.sh" "$code" "$pattern" -- "$@" \
    > "$work/expect.out" 2>&1 || ok=0
  read -r kb secs < <(tail -n 1 "$work/time")
  [ $ok = 1 ] || { echo "FAIL $name"; tr -d '\000' < "$work/expect.out" | cut -c1-300 | head -20; }
  [ "$kb" -le "$max_kb" ] || { echo "FAIL $name: peak memory ${kb} KB > ${max_kb} KB"; ok=0; }
  awk -v s="$secs" -v m="$max_s" 'BEGIN { exit !(s <= m) }' || { echo "FAIL $name: took ${secs} s > ${max_s} s"; ok=0; }
  if [ $ok = 1 ]; then echo "ok   $name (${kb} KB, ${secs} s)"; else failures=$((failures + 1)); fi
}

# 100,000 nested brackets in a rule.
mkdir -p "$work/nest"
python3 -c "print('let x = ' + '(' * 100000 + '1' + ')' * 100000)" > "$work/nest/program.pcs"
expect "100,000 brackets stop at the nesting limit" 3 \
  "nest/program\.pcs:1:209: error\[syntax\]: the rule nests too deeply: at most 200 levels" 100000 10 \
  -- "$pcs" check "$work/nest"

# A rule file with a byte that is not UTF-8, and one with a NUL byte.
mkdir -p "$work/latin1" "$work/nul"
printf '# Caf\xe9 rules\nlet x = 1\n' > "$work/latin1/program.pcs"
printf 'let x = 1\nlet y = 2\x00\n' > "$work/nul/program.pcs"
expect "a rule file that is not UTF-8 names the byte" 3 \
  "latin1/program\.pcs:1:6: error\[syntax\]: this rule file holds a byte that is not UTF-8 \(save the file as UTF-8\) here" \
  100000 10 -- "$pcs" check "$work/latin1"
expect "a NUL byte in a rule file is located" 3 \
  "nul/program\.pcs:2:10: error\[syntax\]: this rule file holds a NUL byte \(a text file has none\) here" \
  100000 10 -- "$pcs" check "$work/nul"

# A 200 MB partner file, and a partner "file" that never ends.
python3 - "$work/big.json" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('{"partner_id": "big", "notes": "')
    chunk = 'a' * (1 << 20)
    for _ in range(200):
        f.write(chunk)
    f.write('"}')
PY
expect "a 200 MB partner file is refused at its size, exit 4" 4 \
  "big\.json: error\[io\]: the partner file is larger than 64 MB: it cannot be one partner's data" 200000 10 \
  -- "$pcs" eval rulesets/2023-06 "$work/big.json"
expect "/dev/zero as a partner file ends with the same error" 4 \
  "/dev/zero: error\[io\]: the partner file is larger than 64 MB" 200000 10 \
  -- "$pcs" eval rulesets/2023-06 /dev/zero

# Bytes that are not text in a partner JSON file.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
s = open('examples/partners/all-three.json', 'rb').read()
i = s.index(b'"Fabrikam')
open(work + '/nul.json', 'wb').write(s[:i + 1] + b'\x00' + s[i + 1:])
open(work + '/latin1.json', 'wb').write(s[:i + 1] + b'\xe9' + s[i + 1:])
PY
expect "a NUL byte in a partner JSON string is located, exit 4" 4 \
  "nul\.json:2:43: error\[json-syntax\]: control character in string must be escaped" 100000 10 \
  -- "$pcs" eval rulesets/2023-06 "$work/nul.json"
expect "invalid UTF-8 in a partner JSON string is located, exit 4" 4 \
  "latin1\.json:2:43: error\[json-syntax\]: invalid UTF-8 in string" 100000 10 \
  -- "$pcs" eval rulesets/2023-06 "$work/latin1.json"

# A 10 MB field, a NUL byte and invalid UTF-8 in the CSV tables: the partner of
# each row fails with the row's file, line and column; every other partner is scored.
cp -r examples/partners-csv "$work/csv"
python3 - "$work/csv" <<'PY'
import sys
d = sys.argv[1]
lines = open(d + '/usage.csv', 'rb').read().split(b'\n')
cells = lines[5].split(b','); cells[5] = b'x' * (10 << 20); lines[5] = b','.join(cells)
cells = lines[9].split(b','); cells[5] = b'Azure\x00App'; lines[9] = b','.join(cells)
open(d + '/usage.csv', 'wb').write(b'\n'.join(lines))
lines = open(d + '/customers.csv', 'rb').read().split(b'\n')
lines[3] = lines[3].replace(b',', b',\xff\xfe', 1)
open(d + '/customers.csv', 'wb').write(b'\n'.join(lines))
PY
for message in "usage\.csv:6:44: error\[csv-syntax\]: field longer than 65,536 bytes: no field of the contract is that long" \
               "usage\.csv:10:49: error\[csv-syntax\]: a NUL byte in field \(a CSV file is text\)" \
               "customers\.csv:4:10: error\[csv-syntax\]: invalid UTF-8 in field" \
               "pcs eval: 6 partners read, 5 scored, 1 failed"; do
  expect "hostile CSV: ${message%%:*} ... ${message##*: }" 5 "$message" 200000 20 \
    -- "$pcs" eval rulesets/2023-06 --partners "$work/csv" --designation data-ai --out "$work/out.jsonl"
done

[ $failures = 0 ] || { echo "$failures hostile input(s) mishandled"; exit 1; }
