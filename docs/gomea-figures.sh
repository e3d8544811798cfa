#!/usr/bin/env bash
# Reruns the reference measurements of ../shared/reference/mo-gomea.md §7 with `encas bench gomea`, seeds 1-5,
# one run at a time, and prints one line per run: tag, seed, wall seconds (process start to exit), CPU seconds
# (user + system, from /usr/bin/time), the 1-minute load average before the run, then the JSON summary.
# Usage: docs/gomea-figures.sh [ENCAS_BINARY] [DATA_DIR] > runs.txt
set -euo pipefail
ENCAS=${1:-src/Encas.Cli/bin/Release/net10.0/encas}
DATA=${2:-../shared/data/mogomea}
ALPHA="$DATA/encas_alphabets"
cpu_file=$(mktemp)
trap 'rm -f "$cpu_file"' EXIT

cases=(
  "zm50|--problem zeromax-onemax --length 50 --evaluations 10000000"
  "zm100|--problem zeromax-onemax --length 100 --evaluations 10000000"
  "zm200|--problem zeromax-onemax --length 200 --evaluations 10000000"
  "tr50|--problem trap5 --length 50 --evaluations 10000000"
  "tr100|--problem trap5 --length 100 --evaluations 10000000"
  "tr200|--problem trap5 --length 200 --evaluations 10000000"
  "lotz50m|--problem lotz --mutation weak --length 50 --evaluations 20000000"
  "lotz100m|--problem lotz --mutation weak --length 100 --evaluations 20000000"
  "mc12|--problem maxcut --length 12 --evaluations 50000"
  "mc25|--problem maxcut --length 25 --evaluations 500000"
  "mc50|--problem maxcut --length 50 --evaluations 1000000"
  "mc50long|--problem maxcut --length 50 --evaluations 5000000"
  "mc100|--problem maxcut --length 100 --evaluations 2000000"
  "kn100r|--problem knapsack --repair --archive-target 2000 --length 100 --evaluations 1000000"
  "kn250r|--problem knapsack --repair --archive-target 2000 --length 250 --evaluations 2000000"
  "int100k2|--problem int-zeromax-onemax --stop exact --length 100 --alphabet 2 --evaluations 30000"
  "int50k4|--problem int-zeromax-onemax --stop exact --length 50 --alphabet 4 --evaluations 300000"
  "int28alphanet|--problem int-zeromax-onemax --stop exact --length 28 --alphabet $ALPHA/full_alphanet.txt --lower-bounds $ALPHA/full_alphanet_lb.txt --evaluations 100000"
  "int22nat|--problem int-zeromax-onemax --stop exact --length 22 --alphabet $ALPHA/full_nat.txt --lower-bounds $ALPHA/full_nat_lb.txt --evaluations 100000"
)

for entry in "${cases[@]}"; do
  tag=${entry%%|*}
  args=${entry#*|}
  for seed in 1 2 3 4 5; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    json=$(/usr/bin/time -f '%U %S' -o "$cpu_file" "$ENCAS" bench gomea $args --seed "$seed" --instances "$DATA")
    end=$(date +%s.%N)
    cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$cpu_file")
    printf '%s %s %.3f %s %s %s\n' "$tag" "$seed" "$(echo "$end - $start" | bc)" "$cpu" "$load" "$json"
  done
done
