#!/usr/bin/env python3
"""Summarises the output of docs/gomea-figures.sh next to the reference figures of mo-gomea.md §8."""
import json
import sys
from statistics import mean

# Reference (C, built and run on the same kind of 2-core VM): per-seed evaluations at the full front (§8.1),
# HV ratios (§8.2), evaluation of the last front point (§8.3), and mean wall seconds per run.
REF = {
    "zm50": ([7500, 7688, 3518, 6186, 3462], None, 0.015),
    "zm100": ([18181, 18019, 13257, 13347, 23190], None, 0.085),
    "zm200": ([63022, 61025, 69226, 40754, 43322], None, 0.83),
    "tr50": ([11728, 10454, 8027, 17878, 18494], None, 0.017),
    "tr100": ([45719, 44326, 55219, 86694, 38117], None, 0.15),
    "tr200": ([135673, 107760, 121516, 106928, 183209], None, 1.12),
    "lotz50m": ([101982, 103764, 74384, 64153, 101212], None, 0.28),
    "lotz100m": ([716971, 770506, 700641, 545307, 729839], None, 2.1),
    "mc12": (None, [1, 1, 1, 1, 1], 0.06),
    "mc25": (None, [1, 1, 1, 1, 1], 1.5),
    "mc50": (None, [.999983, .999991, .999998, .999998, .999988], 8.6),
    "mc50long": (None, [.999988, .999999, .999999, .999998, .999993], 34.7),
    "mc100": (None, [.998990, .999589, .999271, .997063, .999352], 52.1),
    "kn100r": (None, [.998288, .999437, .999413, .998257, .998232], 3.5),
    "kn250r": (None, [.993366, .994198, .992050, .993412, .992536], 15.6),
    "int100k2": ([17913, 17592, 13180, 13078, 21771], None, 0.58),
    "int50k4": ([26766, 25105, 24690, 26779, 24209], None, 4.7),
    "int28alphanet": ([4291, 6257, 4368, 4843, 3736], None, 0.87),
    "int22nat": ([27467, 28821, 38012, 32079, 38424], None, 1.6),
}

runs = {}
for line in open(sys.argv[1]):
    tag, seed, wall, cpu, load, payload = line.split(" ", 5)
    runs.setdefault(tag, []).append((int(seed), float(wall), json.loads(payload), float(cpu), float(load)))

print("| case | ours: evals at front / HV ratio, seeds 1-5 | match | final evals (range) | "
      "reference wall s | ours wall s | ours CPU s | ours engine s | ref/ours wall | ref/ours CPU | load |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for tag, (evals, ratios, ref_wall) in REF.items():
    if tag not in runs:
        continue
    rs = sorted(runs[tag])
    walls = [r[1] for r in rs]
    engine = [r[2]["seconds"] for r in rs]
    cpus = [r[3] for r in rs]
    loads = [r[4] for r in rs]
    finals = [r[2]["final_evaluations"] for r in rs]
    if evals is not None:
        ours = [r[2]["evaluations_at_front"] for r in rs]
        shown = " · ".join(f"{v:,}" for v in ours)
        ok = ours == evals
    else:
        ours = [r[2]["hv_ratio"] for r in rs]
        shown = " · ".join(f"{v:.6f}" for v in ours)
        ok = all(abs(round(o, 6) - e) < 1e-9 for o, e in zip(ours, ratios))
    print(f"| {tag} | {shown} | {'yes' if ok else 'NO'} | {min(finals):,}–{max(finals):,} | {ref_wall} | "
          f"{mean(walls):.3f} | {mean(cpus):.3f} | {mean(engine):.3f} | {ref_wall / mean(walls):.2f} | "
          f"{ref_wall / mean(cpus):.2f} | {min(loads):.1f}–{max(loads):.1f} |")
