#!/usr/bin/env bash
# Tokenizer as a process against MeCab on the same input: `tokenize --mode normal` of the seed sentences repeated to
# 2.47 MB and 9.9 MB. Wall time with hyperfine (alternating runs), then per command the median over `runs` of CPU time
# (user+sys) and peak RSS from /usr/bin/time: on a shared machine CPU time is the steadier figure, wall time the goal's.
# `tokenize` runs on all cores by default (chunks of lines in parallel, same output); `--threads 1` is measured too.
# MeCab is the reference only (never a runtime dependency): apt-get install mecab mecab-ipadic-utf8 hyperfine.
# Usage: tests/StrategyAssistant.Benchmarks/tokenizer-vs-mecab.sh [runs]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
work="$(mktemp -d /tmp/sa-tokenizer-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

for tool in mecab hyperfine; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install mecab mecab-ipadic-utf8 hyperfine" >&2; exit 2; }
done

dotnet publish src/StrategyAssistant.Cli -c Release -o "$work/cli" -nologo -v quiet >/dev/null
cli="$work/cli/strategy-assistant"
gunzip -c tests/StrategyAssistant.Japanese.Tests/Fixtures/seed-sentences.txt.gz > "$work/seed.txt"
for _ in $(seq 10); do cat "$work/seed.txt"; done > "$work/in-2.47.txt"
for _ in $(seq 4); do cat "$work/in-2.47.txt"; done > "$work/in-9.9.txt"

# The first process writes the dictionary image; every measured run reads it (as every process after the first does).
echo x | "$cli" tokenize --mode normal >/dev/null
cmp <("$cli" tokenize --mode normal < "$work/seed.txt") <("$cli" tokenize --mode normal --threads 1 < "$work/seed.txt")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpu_and_rss() { # command... < input: "median CPU s, median peak RSS MB"
  local input="$1"; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/t" -f "%U %S %M" "$@" < "$input" > /dev/null
    awk '{printf "%.2f %d\n", $1 + $2, $3 / 1024}' "$work/t"
  done > "$work/runs"
  echo "CPU $(cut -d' ' -f1 "$work/runs" | median) s, peak RSS $(cut -d' ' -f2 "$work/runs" | median) MB"
}

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in 2.47 9.9; do
  in="$work/in-$size.txt"
  hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/wall-$size.md" \
    "$cli tokenize --mode normal < $in > /dev/null" "mecab < $in > /dev/null" >/dev/null
  echo "== $size MB (load $(cut -d' ' -f1 /proc/loadavg))"
  cat "$work/wall-$size.md"
  echo "tokenize:            $(cpu_and_rss "$in" "$cli" tokenize --mode normal)"
  echo "tokenize --threads 1: $(cpu_and_rss "$in" "$cli" tokenize --mode normal --threads 1)"
  echo "mecab:               $(cpu_and_rss "$in" mecab)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
