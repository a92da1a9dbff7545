#!/usr/bin/env bash
# Tokenizer as a process against MeCab on the same input: `tokenize --mode normal` of the seed sentences repeated to
# 2.47 MB and 9.9 MB, wall time (hyperfine, alternating runs) and peak RSS (/usr/bin/time -v).
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

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in 2.47 9.9; do
  in="$work/in-$size.txt"
  hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/wall-$size.md" \
    "$cli tokenize --mode normal < $in > /dev/null" "mecab < $in > /dev/null" >/dev/null
  echo "== $size MB"
  cat "$work/wall-$size.md"
  for cmd in "$cli tokenize --mode normal" "mecab"; do
    /usr/bin/time -f "peak RSS %M KB, %e s wall, %U s user, %S s sys: ${cmd##*/}" $cmd < "$in" > /dev/null
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
