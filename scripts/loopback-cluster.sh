#!/usr/bin/env bash
# A real ENCAS cluster on loopback: a seed, a gpu node and two search nodes as separate processes (free ports, own
# data folders under a temp dir), the shipped sample pool imported, a short experiment submitted and followed with
# `encas ctl`, the report awaited. Everything it started is stopped on exit, Ctrl+C included.
#
#   scripts/loopback-cluster.sh            # temp dir removed at the end
#   KEEP=1 scripts/loopback-cluster.sh     # keep the temp dir (logs, pool, report)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
# Fast failure handling for a demo; the default is 20 s.
export ENCAS_DOWN_AFTER=5
# Mutating ctl commands (leave, down, cancel) need the token; submit sends it too.
export ENCAS_MANAGEMENT_TOKEN="loopback-$RANDOM$RANDOM"
experiment="loopback-$(date +%H%M%S)"
settings=(--runs 2 --evaluations 20000 --islands 2 --migration-interval 2000 --reference-point 40,4)

work=$(mktemp -d "${TMPDIR:-/tmp}/encas-loopback.XXXXXX")
pids=()

stop_all() {
    local status=$?
    trap - EXIT INT TERM
    if [ ${#pids[@]} -gt 0 ]; then
        echo "== stopping ${#pids[@]} processes"
        # Workers first, the seed last: each leaves the cluster through coordinated shutdown.
        for (( i=${#pids[@]}-1; i>=0; i-- )); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
        for _ in $(seq 1 30); do
            local alive=0
            for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
            [ "$alive" -eq 0 ] && break
            sleep 0.5
        done
        for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
        wait 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = "1" ]; then echo "== kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== building encas (Release)"
dotnet build "$root/src/Encas.Cli" -c Release -v quiet -nologo > "$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
encas="$root/src/Encas.Cli/bin/Release/net10.0/encas"

# Starts `encas VERB ARGS...` in the background with port 0 everywhere and waits for its start line, which names
# the remoting address and the management URL it really bound.
start_node() {
    local name=$1; shift
    "$encas" "$@" --host 127.0.0.1 --port 0 --management-port 0 --data "$work/$name" > "$work/$name.log" 2>&1 &
    pids+=($!)
    local line=""
    for _ in $(seq 1 240); do
        line=$(grep -m1 -E '^encas [a-z-]+: node akka\.tcp://' "$work/$name.log" || true)
        [ -n "$line" ] && break
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name.log"; echo "$name exited" >&2; exit 1; }
        sleep 0.25
    done
    [ -n "$line" ] || { cat "$work/$name.log"; echo "$name did not start in 60 s" >&2; exit 1; }
    echo "   $line"
    started="$line"
}

echo "== starting the cluster under $work"
start_node seed seed
seed_port=$(sed -E 's|.*akka\.tcp://encas@127\.0\.0\.1:([0-9]+).*|\1|' <<< "$started")
management=$(sed -E 's|.*management http://(127\.0\.0\.1:[0-9]+).*|\1|' <<< "$started")
seeds="127.0.0.1:$seed_port"
start_node gpu gpu-node --seed-nodes "$seeds"
start_node search-1 search-node --seed-nodes "$seeds"
start_node search-2 search-node --seed-nodes "$seeds"

echo "== waiting for 4 members up"
for _ in $(seq 1 120); do
    up=$("$encas" ctl --host "$management" cluster show | grep -c ' | up | ' || true)
    [ "$up" -eq 4 ] && break
    sleep 0.5
done
[ "$up" -eq 4 ] || { echo "only $up members up after 60 s" >&2; exit 1; }

echo "== importing the sample pool"
"$encas" pool import "$root/samples/fashion-mnist" --out "$work/pool" 2>&1 | tail -n 1

echo "== submitting $experiment: ${settings[*]}"
"$encas" submit "$work/pool" --cluster "$management" --out "$work/report" --id "$experiment" "${settings[@]}" \
    --token "$ENCAS_MANAGEMENT_TOKEN" --wait > "$work/submit.log" 2>&1 &
submit=$!
pids+=("$submit")
for _ in $(seq 1 40); do
    "$encas" ctl --host "$management" runs "$experiment" > /dev/null 2>&1 && break
    sleep 0.25
done
sleep 2

echo "== encas ctl --host $management cluster show"
"$encas" ctl --host "$management" cluster show
echo "== encas ctl cluster leader"
"$encas" ctl --host "$management" cluster leader
echo "== encas ctl cluster sharding regions"
"$encas" ctl --host "$management" cluster sharding regions
echo "== encas ctl experiments"
"$encas" ctl --host "$management" experiments
echo "== encas ctl islands $experiment"
"$encas" ctl --host "$management" islands "$experiment"

echo "== waiting for the report"
if ! wait "$submit"; then cat "$work/submit.log"; exit 1; fi
grep -E '^(submitted |report: )' "$work/submit.log"
echo "== encas ctl runs $experiment"
"$encas" ctl --host "$management" runs "$experiment"
echo "== encas ctl experiments"
"$encas" ctl --host "$management" experiments
echo "== done: $(ls "$work/report" | tr '\n' ' ')"
