#!/usr/bin/python3
"""Pick a few example ENCAS genomes for the Fashion-MNIST sample pool and write cascades.txt.

Genome (DESIGN §4): 9 integers. Genes 0-4 are model genes in [0, P] (0 = no-op, g >= 1 = pool model
g-1, pool order); genes 5-8 are threshold genes in [0, 50] (threshold = gene / 50). Threshold gene
5+j-1 decides who exits before the model at position j. A sample exits when the largest entry of the
mean of the probability vectors so far is strictly greater than the threshold.

Output: the 3 most accurate single models on validation, then 5 cascades (cheap -> expensive) chosen
from a small grid by validation accuracy and cost, one genome per line, no comments.

    /usr/bin/python3 tools/pick_example_cascades.py --pool samples/fashion-mnist
"""

import argparse
import gzip
import io
import itertools
import json
import os

import numpy as np

THRESHOLD_GENES = (40, 43, 45, 47, 49)


def load_split(pool_dir, split):
    """Return (list of float16 arrays [n,10] in pool order, MFLOPs list, names, labels)."""
    folder = os.path.join(pool_dir, f"output_distrs_{split}")
    with open(os.path.join(folder, "info.json")) as f:
        info = json.load(f)
    probs = []
    for i in range(len(info["flops"])):
        with gzip.open(os.path.join(folder, f"{i}.npy.gz"), "rb") as f:
            probs.append(np.load(io.BytesIO(f.read())))
    labels = np.load(os.path.join(pool_dir, f"labels_{split}.npy"))
    return probs, info["flops"], info["net_names"], labels


def evaluate(genome, probs, flops, labels):
    """Exact evaluation of one genome: returns (error %, expected MFLOPs)."""
    n = len(labels)
    total = np.zeros((n, probs[0].shape[1]), dtype=np.float64)
    used = 0
    active = np.ones(n, dtype=bool)
    cost = 0.0
    for pos in range(5):
        g = genome[pos]
        if g == 0:
            continue
        if used > 0:
            threshold = genome[5 + pos - 1] / 50.0
            active &= ~(total.max(axis=1) / used > threshold)
        cost += flops[g - 1] * active.mean()
        total[active] += probs[g - 1][active].astype(np.float64)
        used += 1
    if used == 0:
        return 100.0, 100000.0
    # every sample has seen at least the first model; a sample that exited keeps its earlier mean,
    # which is what `total / used_at_exit` gives: re-scaling does not change the argmax
    pred = total.argmax(axis=1)
    return 100.0 * float((pred != labels).mean()), cost


def genome_of(models, thresholds):
    genes = [m + 1 for m in models] + [0] * (5 - len(models))
    ths = list(thresholds) + [0] * (4 - len(thresholds))
    return genes + ths


def pareto(points):
    """Indices of points (error, cost) not dominated by any other."""
    keep = []
    for i, (e, c) in enumerate(points):
        if not any((e2 <= e and c2 <= c) and (e2 < e or c2 < c) for e2, c2 in points):
            keep.append(i)
    return keep


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pool", default="samples/fashion-mnist")
    ap.add_argument("--out", default=None, help="default: POOL/cascades.txt")
    args = ap.parse_args()

    probs, flops, names, labels = load_split(args.pool, "val")
    t_probs, _, _, t_labels = load_split(args.pool, "test")
    p = len(flops)
    acc = [100.0 * float((pr.astype(np.float32).argmax(1) == labels).mean()) for pr in probs]

    best = sorted(range(p), key=lambda i: (-acc[i], flops[i]))[:3]
    singles = [genome_of([i], []) for i in best]

    # cheap front-ends: Pareto-optimal models below 0.06 MFLOPs; back-ends: the 4 most accurate
    single_pts = [(100 - a, f) for a, f in zip(acc, flops)]
    front = [i for i in pareto(single_pts)]
    cheap = [i for i in front if flops[i] < 0.06]
    strong = sorted(range(p), key=lambda i: -acc[i])[:4]
    candidates = []
    for a, b in itertools.product(cheap, strong):
        for t in THRESHOLD_GENES:
            candidates.append(genome_of([a, b], [t]))
    for a, b, c in itertools.product(cheap, strong, strong):
        if b != c and flops[b] < flops[c]:
            for t1, t2 in itertools.product((43, 47), (45, 49)):
                candidates.append(genome_of([a, b, c], [t1, t2]))
    scored = [(evaluate(g, probs, flops, labels), g) for g in candidates]
    front_idx = pareto([s for s, _ in scored])
    on_front = sorted((scored[i] for i in front_idx), key=lambda s: s[0][1])
    # spread the 5 picks along the front by cost
    picks = [on_front[round(k * (len(on_front) - 1) / 4)] for k in range(5)] if len(on_front) >= 5 else on_front

    out = args.out or os.path.join(args.pool, "cascades.txt")
    genomes = singles + [g for _, g in picks]
    with open(out, "w") as f:
        for g in genomes:
            f.write(",".join(str(x) for x in g) + "\n")
    for g in genomes:
        ve, vc = evaluate(g, probs, flops, labels)
        te, tc = evaluate(g, t_probs, flops, t_labels)
        models = " -> ".join(names[x - 1] for x in g[:5] if x)
        print(f"{','.join(map(str, g)):28s} val err {ve:5.2f} % {vc:8.4f} MFLOPs | "
              f"test err {te:5.2f} % {tc:8.4f} MFLOPs | {models}")


if __name__ == "__main__":
    main()
