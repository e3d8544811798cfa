#!/usr/bin/env bash
# Wall time of one experiment on a loopback cluster: a seed plus 1 or 2 search-node processes, 1 to 8 islands.
# Usage: docs/cluster-scaling.sh POOL [EVALUATIONS] [RUNS]   (build first: dotnet build src/Encas.Cli -c Release)
# Prints one line per (search nodes, islands): seconds from submit to report, and the median run's test HV.
set -euo pipefail
pool=$(realpath "$1")
evaluations=${2:-100000}
runs=${3:-2}
top=$(cd "$(dirname "$0")/.." && pwd)
encas="$top/src/Encas.Cli/bin/Release/net10.0/encas"
work=$(mktemp -d)
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for() { # FILE: wait until a node printed its start line
    for _ in $(seq 1 120); do grep -q "^encas .*: node akka.tcp://" "$1" 2>/dev/null && return 0; sleep 0.5; done
    echo "node did not start: $1" >&2; cat "$1" >&2; exit 1
}

echo "search_nodes islands seconds median_test_hv load"
for nodes in 1 2; do
    seed_port=$(free_port); seed_mgmt=$(free_port)
    "$encas" seed --port "$seed_port" --management-port "$seed_mgmt" --data "$work/seed-$nodes" \
        > "$work/seed-$nodes.log" 2>&1 &
    pids+=($!)
    wait_for "$work/seed-$nodes.log"
    for n in $(seq 1 "$nodes"); do
        "$encas" search-node --port 0 --management-port -1 --seed-nodes "127.0.0.1:$seed_port" \
            --data "$work/search-$nodes-$n" > "$work/search-$nodes-$n.log" 2>&1 &
        pids+=($!)
        wait_for "$work/search-$nodes-$n.log"
    done
    for islands in 1 2 4 8; do
        out="$work/out-$nodes-$islands"
        start=$(date +%s.%N)
        "$encas" submit "$pool" --cluster "127.0.0.1:$seed_mgmt" --out "$out" --wait --runs "$runs" \
            --evaluations "$evaluations" --islands "$islands" --migration-interval 2500 --migrants 8 \
            --reference-point 40,4 > /dev/null 2>&1
        end=$(date +%s.%N)
        hv=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(round(s['runs'][s['median_run']]['test_hypervolume'], 5))" "$out/summary.json")
        echo "$nodes $islands $(python3 -c "print(round($end - $start, 1))") $hv $(cut -d' ' -f1 /proc/loadavg)"
    done
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pids=()
done
