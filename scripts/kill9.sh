#!/usr/bin/env bash
# The long kill-9 run of docs/reliability.md: imports, a sync bundle and the
# demo reset killed at random moments, CYCLES times (default 2000), plus the
# visit on screen. Usage: scripts/kill9.sh [CYCLES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export ROUNDS_KILL_CYCLES=${1:-2000}
[ -n "${2:-}" ] && export ROUNDS_KILL_SEED=$2
cargo test --release --test crash_jobs -- --nocapture --test-threads=1
