#!/usr/bin/env bash
# Streamed sync bundles (issue 10) on the large team dataset: `sync export
# --all`, `sync import` of that bundle into a fresh database, and the same
# import again (nothing changes). Prints time and peak RSS (/usr/bin/time -v)
# of each. The dataset is generated once into target/bench-data/large (about
# a minute); the bundle and the fresh database go to a temp folder.
# Usage: scripts/bench_sync.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

LARGE=${1:-$PWD/target/bench-data/large}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed: apt-get install -y time" >&2; exit 1; }

cargo build --release --quiet --bin rounds --example gen_large
BIN=$PWD/target/release/rounds
target/release/examples/gen_large "$LARGE"

. scripts/measure.sh

export ROUNDS_TODAY=2026-11-24
export ROUNDS_CONFIG_DIR="$WORK/config"
BUNDLE=$WORK/all.bundle
ROUNDS_DATA_DIR=$LARGE measure "sync export --all (large dataset)" "$BIN" sync export --all -o "$BUNDLE"
echo "bundle: $(du -h "$BUNDLE" | cut -f1)"
ROUNDS_DATA_DIR=$WORK/fresh measure "sync import into a fresh database" "$BIN" sync import "$BUNDLE"
ROUNDS_DATA_DIR=$WORK/fresh measure "sync import again (backup + nothing changes)" "$BIN" sync import "$BUNDLE"
