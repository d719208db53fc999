#!/usr/bin/env bash
# Issue 18's start-up benchmark, run by hand (not by CI): flashdeck cold and warm against "the
# limit" (examples/limit.rs: every deck file parsed into a toml::Table on one thread, and the
# log's newlines counted) and, on the 20,000-card workloads, against vocage 1.1.0, in one
# interleaved hyperfine run per workload, with peak memory from /usr/bin/time.
#
#   benches/startup.sh [WORKDIR] [WORKLOADS...]
#
# WORKLOADS are names from the table below (default: small small-history medium); `lifetime`
# writes a 670 MB log. Needs hyperfine (apt-get install hyperfine, or cargo install hyperfine)
# and, for the vocage column, `cargo install vocage --version 1.1.0`.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/flashdeck-startup}
shift || true
workloads=("${@:-small small-history medium}")
# shellcheck disable=SC2206
workloads=(${workloads[*]})
declare -A shape=(
  [small]="20 1000 0"
  [small-history]="20 1000 200000"
  [medium]="50 1000 1000000"
  [lifetime]="100 1000 10000000 30"
)
cargo build --release --quiet --bin flashdeck --example limit --example generate_workload --example first_frame
bin=$PWD/target/release/flashdeck
limit=$PWD/target/release/examples/limit
frame=$PWD/target/release/examples/first_frame
mkdir -p "$work"
printf '%-14s %-22s %10s %10s %10s %8s %10s\n' workload command median_s limit_s vocage_s ratio peak_MB
for name in "${workloads[@]}"; do
  read -r decks cards reviews years <<<"${shape[$name]}"
  dir=$work/$name
  if [ ! -d "$dir/decks" ]; then
    target/release/examples/generate_workload "$dir" "$decks" "$cards" "$reviews" "${years:-3}" >/dev/null
  fi
  env_=(FLASHDECK_DECKS="$dir/decks" FLASHDECK_DATA_DIR="$dir" FLASHDECK_CONFIG="$dir/config.toml")
  fd="env ${env_[*]} $bin"
  # The first frame is the home screen drawn before the history is read (its counts to come);
  # the counted frame is the first one with every card's state.
  first_frame="$frame -- $fd --after-first-frame exit"
  counted_frame="$frame -- $fd --after-first-frame counted"
  cmds=(
    -n cold-first-frame --prepare "rm -rf $dir/cache" "$first_frame"
    -n cold-counted-frame --prepare "rm -rf $dir/cache" "$counted_frame"
    -n cold-due --prepare "rm -rf $dir/cache" "$fd due"
    -n warm-first-frame --prepare "$fd due" "$first_frame"
    -n warm-counted-frame --prepare "$fd due" "$counted_frame"
    -n warm-due --prepare "$fd due" "$fd due"
    -n limit --prepare true "$limit $dir/decks $dir"
  )
  if command -v vocage >/dev/null && [ "$cards" -eq 1000 ] && [ "$decks" -eq 20 ]; then
    tsv=$dir/vocage.tsv
    if [ ! -f "$tsv" ]; then
      # vocage's TSV: a header of column names (upper case, or vocage shows no card), then one
      # card a line (front, back).
      python3 - "$dir/decks" "$tsv" <<'PY'
import sys, pathlib, tomllib
out = ["FRONT\tBACK"]
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.toml")):
    for card in tomllib.loads(path.read_text()).get("cards", []):
        out.append(f"{card['front']}\t{card['back']}".replace("\n", " "))
pathlib.Path(sys.argv[2]).write_text("\n".join(out) + "\n")
PY
    fi
    # vocage shows a random card, with its status line ("… Deck: immediate … Due: …") below.
    cmds+=(-n vocage --prepare true "$frame --marker 'Due:' -- vocage $tsv")
  fi
  hyperfine -N --warmup 1 --runs "${RUNS:-10}" --style none --export-json "$dir/result.json" "${cmds[@]}" >/dev/null
  peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
  rm -rf "$dir/cache"
  cold_peak=$(peak env "${env_[@]}" "$bin" due)
  warm_peak=$(peak env "${env_[@]}" "$bin" due)
  python3 - "$dir/result.json" "$name" "$cold_peak" "$warm_peak" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
limit, vocage = results.get("limit"), results.get("vocage")
peaks = {"cold-due": int(sys.argv[3]) / 1024, "warm-due": int(sys.argv[4]) / 1024}
for name in ["cold-first-frame", "cold-counted-frame", "cold-due", "warm-first-frame",
             "warm-counted-frame", "warm-due"]:
    t = results[name]
    base = vocage if name.startswith("warm-") and name.endswith("frame") and vocage else limit
    peak = f"{peaks[name]:.0f}" if name in peaks else ""
    print(f"{sys.argv[2]:<14} {name:<22} {t:10.3f} {limit:10.3f} "
          f"{(vocage or 0):10.3f} {t / base:7.2f}x {peak:>10}")
PY
done
