#!/usr/bin/env bash
# Imports the same 1,000,000-row sales CSV with `rounds import sales` and with
# sqlite3's `.import --csv`, and prints both times and their ratio.
# Usage: scripts/bench_import.sh [ROWS] (default 1000000). Needs sqlite3.
set -euo pipefail

ROWS=${1:-1000000}
STORES=100
SKUS=100
WEEKS=$(( (ROWS + STORES * SKUS - 1) / (STORES * SKUS) ))
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$(dirname "$0")/.."

cargo build --release --quiet
BIN=$PWD/target/release/rounds
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed: apt-get install -y sqlite3" >&2; exit 1; }

# catalog: stores and products with valid EAN-13 check digits
awk -v n=$STORES 'BEGIN { print "code;name;rep"; for (i = 1; i <= n; i++) printf "B%04d;Bench store %d;R01\n", i, i }' > "$WORK/stores.csv"
awk -v n=$SKUS 'BEGIN {
  print "sku;ean;name"
  for (i = 1; i <= n; i++) {
    body = sprintf("460200%06d", i); sum = 0
    for (k = 12; k >= 1; k--) { d = substr(body, k, 1) + 0; sum += ((12 - k) % 2 == 0) ? d * 3 : d }
    printf "Q%05d;%s%d;Bench product %d\n", i, body, (10 - sum % 10) % 10, i
  }
}' > "$WORK/products.csv"
# sales: weekly rows in plain CSV (commas, decimal dots, ISO dates), so that
# sqlite3 reads the very same file as four columns
awk -v rows=$ROWS -v stores=$STORES -v skus=$SKUS -v weeks=$WEEKS 'BEGIN {
  print "store_code,sku,date,qty"; n = 0
  split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
  for (s = 1; s <= stores && n < rows; s++)
    for (p = 1; p <= skus && n < rows; p++) {
      d = 1; m = 1; y = 2024
      for (w = 0; w < weeks && n < rows; w++) {
        printf "B%04d,Q%05d,%d-%02d-%02d,%d.%d\n", s, p, y, m, d, (s * p + w) % 17, w % 10
        n++
        d += 7
        while (d > ml[m] + (m == 2 && y % 4 == 0)) { d -= ml[m] + (m == 2 && y % 4 == 0); m++; if (m > 12) { m = 1; y++ } }
      }
    }
}' > "$WORK/sales.csv"
echo "sales file: $(($(wc -l < "$WORK/sales.csv") - 1)) rows, $(du -h "$WORK/sales.csv" | cut -f1)"

export ROUNDS_DATA_DIR="$WORK/data"
"$BIN" import stores "$WORK/stores.csv" >/dev/null
"$BIN" import products "$WORK/products.csv" >/dev/null

now() { date +%s.%N; }
t0=$(now)
"$BIN" import sales "$WORK/sales.csv"
t1=$(now)
sqlite3 "$WORK/sqlite.db" '.import --csv '"$WORK/sales.csv"' t'
t2=$(now)

rounds_s=$(echo "$t1 - $t0" | bc -l)
sqlite_s=$(echo "$t2 - $t1" | bc -l)
printf 'rounds import sales: %.2f s\nsqlite3 .import:     %.2f s\nratio rounds/sqlite3: %.2f\n' \
  "$rounds_s" "$sqlite_s" "$(echo "$rounds_s / $sqlite_s" | bc -l)"
