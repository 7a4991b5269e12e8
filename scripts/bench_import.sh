#!/usr/bin/env bash
# Imports the same sales CSV with `rounds import sales` and with sqlite3's
# `.import --csv`, side by side in one run, and prints both times, their ratio
# and the peak RSS of each (`/usr/bin/time -v`).
#
# Usage: scripts/bench_import.sh [SHAPE...]
#   SHAPE is ROWS:STORES:SKUS (weeks = ROWS / (STORES * SKUS)), or one of
#     short  1,000,000 rows, 100 stores x 1,000 products x 10 weeks (100,000 series)
#     long   1,000,000 rows, 100 stores x 100 products x 100 weeks (10,000 series)
#     big    10,000,000 rows, 1,000 stores x 1,000 products x 10 weeks (1,000,000 series)
#   Default: short long. `ORDER=spread` writes rows week by week (a series' rows
#   spread across the file) instead of grouped by series.
# Needs sqlite3 (apt-get install -y sqlite3) and GNU time (/usr/bin/time).
set -euo pipefail

SHAPES=("$@")
[ ${#SHAPES[@]} -gt 0 ] || SHAPES=(short long)
ORDER=${ORDER:-grouped}
cd "$(dirname "$0")/.."

cargo build --release --quiet
BIN=$PWD/target/release/rounds
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed: apt-get install -y sqlite3" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install -y time" >&2; exit 1; }

# runs a command; prints "SECONDS PEAK_MIB" from GNU time's report
measure() {
  local report
  report=$(mktemp)
  /usr/bin/time -v -o "$report" "$@" >/dev/null
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.0f\n", s, rss }' "$report"
  rm -f "$report"
}

bench_shape() {
  local rows stores skus
  case "$1" in
    short) rows=1000000 stores=100 skus=1000 ;;
    long) rows=1000000 stores=100 skus=100 ;;
    big) rows=10000000 stores=1000 skus=1000 ;;
    *) IFS=: read -r rows stores skus <<<"$1" ;;
  esac
  local weeks=$(( (rows + stores * skus - 1) / (stores * skus) ))
  local work
  work=$(mktemp -d)
  # catalog: stores and products with valid EAN-13 check digits
  awk -v n="$stores" 'BEGIN { print "code;name;rep"; for (i = 1; i <= n; i++) printf "B%04d;Bench store %d;R01\n", i, i }' > "$work/stores.csv"
  awk -v n="$skus" 'BEGIN {
    print "sku;ean;name;case_pack;shelf_life_days;list_price"
    for (i = 1; i <= n; i++) {
      body = sprintf("460200%06d", i); sum = 0
      for (k = 12; k >= 1; k--) { d = substr(body, k, 1) + 0; sum += ((12 - k) % 2 == 0) ? d * 3 : d }
      printf "Q%05d;%s%d;Bench product %d;12;30;10.50\n", i, body, (10 - sum % 10) % 10, i
    }
  }' > "$work/products.csv"
  # sales: weekly rows in plain CSV (commas, decimal dots, ISO dates), so that
  # sqlite3 reads the very same file as four columns
  awk -v rows="$rows" -v stores="$stores" -v skus="$skus" -v weeks="$weeks" -v order="$ORDER" '
    function day(w,   d, m, y) {
      d = 1 + 7 * w; m = 1; y = 2024
      while (d > ml[m] + (m == 2 && y % 4 == 0)) { d -= ml[m] + (m == 2 && y % 4 == 0); m++; if (m > 12) { m = 1; y++ } }
      return sprintf("%d-%02d-%02d", y, m, d)
    }
    BEGIN {
      print "store_code,sku,date,qty"; n = 0
      split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
      for (w = 0; w < weeks; w++) days[w] = day(w)
      if (order == "spread") {
        for (w = 0; w < weeks && n < rows; w++)
          for (s = 1; s <= stores && n < rows; s++)
            for (p = 1; p <= skus && n < rows; p++) {
              printf "B%04d,Q%05d,%s,%d.%d\n", s, p, days[w], (s * p + w) % 17, w % 10; n++
            }
      } else {
        for (s = 1; s <= stores && n < rows; s++)
          for (p = 1; p <= skus && n < rows; p++)
            for (w = 0; w < weeks && n < rows; w++) {
              printf "B%04d,Q%05d,%s,%d.%d\n", s, p, days[w], (s * p + w) % 17, w % 10; n++
            }
      }
    }' > "$work/sales.csv"

  export ROUNDS_DATA_DIR="$work/data"
  "$BIN" import stores "$work/stores.csv" >/dev/null
  "$BIN" import products "$work/products.csv" >/dev/null

  local r s
  r=$(measure "$BIN" import sales "$work/sales.csv")
  s=$(measure sqlite3 "$work/sqlite.db" ".import --csv $work/sales.csv t")
  read -r rt rm <<<"$r"
  read -r st sm <<<"$s"
  printf '%-6s %9d rows %8d series x %3d weeks, %s, %4s: rounds %6.2f s %5d MiB | sqlite3 %6.2f s %4d MiB | ratio %.2f\n' \
    "$1" "$rows" "$((stores * skus))" "$weeks" "$ORDER" "$(du -h "$work/sales.csv" | cut -f1)" \
    "$rt" "$rm" "$st" "$sm" "$(echo "$rt / $st" | bc -l)"
  [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}

for shape in "${SHAPES[@]}"; do
  bench_shape "$shape"
done
