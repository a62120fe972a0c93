#!/usr/bin/python3
"""Reference values for cagekit's triplet loss, from PyTorch autograd.

Run with Debian's python3-torch (the interpreter at /usr/bin/python3):

    tools/reference/triplet_reference.py src/test/resources/org/cagekit/loss/triplet_reference.json

The script mines its own triplets, written from the rules in TripletMiner's documentation, and
computes the loss and its gradient with respect to the raw (not yet normalised) accelerometer and
gyroscope embeddings in float64. It covers every mining rule, every distance, both negative
sources and both the label-free and the label-aware mode, on small random batches whose values
are float32-representable, so the Java side reads exactly the inputs used here.

Random mining needs the numbers java.util.Random draws: its 48-bit linear congruential
generator and nextInt(bound) are specified in the Java SE documentation and reimplemented here,
as is the SplitMix64 mix that turns the run's seed and the epoch into the generator's seed.

Batches where any decision of a miner lies within 1e-4 of a tie or of the margin are drawn
again, so that float32 rounding on the Java side cannot change which triplet is chosen.
"""

import json
import os
import sys

import numpy as np
import torch

MASK64 = (1 << 64) - 1
MASK48 = (1 << 48) - 1
MULTIPLIER = 0x5DEECE66D
SQRT_FLOOR = 1e-12
NORM_FLOOR = 1e-24
TIE = 1e-4


def signed64(x):
    x &= MASK64
    return x - (1 << 64) if x >> 63 else x


def int32(x):
    x &= (1 << 32) - 1
    return x - (1 << 32) if x >> 31 else x


def epoch_seed(seed, epoch):
    """SplitMix64's finaliser over seed + golden gamma * (epoch + 1), as in TripletLoss."""
    z = (seed + 0x9E3779B97F4A7C15 * (epoch + 1)) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return signed64(z ^ (z >> 31))


class JavaRandom:
    """java.util.Random: seed scrambling, next(bits) and nextInt(bound)."""

    def __init__(self, seed):
        self.state = (seed ^ MULTIPLIER) & MASK48

    def next(self, bits):
        self.state = (self.state * MULTIPLIER + 0xB) & MASK48
        return int32(self.state >> (48 - bits))

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return int32((bound * r) >> 31)
        u = r
        while True:
            r = u % bound
            if int32(u - r + m) >= 0:
                return r
            u = self.next(31)


def distances(x, y, kind):
    s = x @ y.T
    if kind == "cosine":
        return 1 - s
    squared = torch.clamp(2 - 2 * s, min=0)
    if kind == "squared-euclidean":
        return squared
    return torch.sqrt(torch.clamp(squared, min=SQRT_FLOOR))


def unit(x):
    return x / torch.sqrt(torch.clamp((x * x).sum(1, keepdim=True), min=NORM_FLOOR))


def masks(n, m, classes):
    if classes is None:
        pos = [[i == j for j in range(n)] for i in range(n)]
        neg = [[(j % n) != i for j in range(m)] for i in range(n)]
    else:
        pos = [[classes[i] == classes[j] for j in range(n)] for i in range(n)]
        neg = [[classes[i] != classes[j % n] for j in range(m)] for i in range(n)]
    return pos, neg


def mine(dp, dn, pos, neg, mining, margin, rng):
    """Returns (triplets, valid, active, fallbacks, near_tie) following TripletMiner's rules."""
    n, m = dn.shape
    triplets, valid, active, fallbacks, near = [], 0, 0, 0, False

    def violates(i, p, k):
        return dp[i, p] - dn[i, k] + margin > 0

    for i in range(n):
        negs = [k for k in range(m) if neg[i][k]]
        if not negs:
            continue
        d_negs = sorted(dn[i, k] for k in negs)
        if any(b - a < TIE for a, b in zip(d_negs, d_negs[1:])):
            near = True
        poss = [p for p in range(n) if pos[i][p]]
        for p in poss:
            for k in negs:
                g = dp[i, p] - dn[i, k]
                if abs(g) < TIE or abs(g + margin) < TIE:
                    near = True
        if mining == "hard":
            d_pos = sorted(dp[i, p] for p in poss)
            if any(b - a < TIE for a, b in zip(d_pos, d_pos[1:])):
                near = True
            p = max(poss, key=lambda q: (dp[i, q], -q))
            k = min(negs, key=lambda q: (dn[i, q], q))
            valid += 1
            active += violates(i, p, k)
            triplets.append((i, p, k))
            continue
        for p in poss:
            if mining == "random":
                k = negs[rng.next_int(len(negs))]
                valid += 1
                active += violates(i, p, k)
                triplets.append((i, p, k))
            elif mining == "semi-hard":
                band = [k for k in negs if dp[i, p] < dn[i, k] < dp[i, p] + margin]
                if band:
                    k = min(band, key=lambda q: (dn[i, q], q))
                else:
                    fallbacks += 1
                    closer = [k for k in negs if dn[i, k] <= dp[i, p]]
                    if closer:
                        k = max(closer, key=lambda q: (dn[i, q], -q))
                    else:
                        k = min(negs, key=lambda q: (dn[i, q], q))
                valid += 1
                active += violates(i, p, k)
                triplets.append((i, p, k))
            elif mining == "batch-all":
                for k in negs:
                    valid += 1
                    if violates(i, p, k):
                        active += 1
                        triplets.append((i, p, k))
            else:
                raise ValueError(mining)
    return triplets, valid, active, fallbacks, near


def evaluate(accel, gyro, classes, case, rng):
    a_raw = torch.tensor(accel, dtype=torch.float64, requires_grad=True)
    g_raw = torch.tensor(gyro, dtype=torch.float64, requires_grad=True)
    a, g = unit(a_raw), unit(g_raw)
    dp = distances(a, g, case["distance"])
    dn = dp if case["negatives"] == "cross-modal" else torch.cat(
        [dp, distances(a, a, case["distance"])], 1)
    n, m = dn.shape
    pos, neg = masks(n, m, classes)
    triplets, valid, active, fallbacks, near = mine(
        dp.detach().numpy(), dn.detach().numpy(), pos, neg, case["mining"], case["margin"], rng)
    if triplets:
        i = torch.tensor([t[0] for t in triplets])
        p = torch.tensor([t[1] for t in triplets])
        k = torch.tensor([t[2] for t in triplets])
        loss = torch.relu(dp[i, p] - dn[i, k] + case["margin"]).mean()
    else:
        loss = dp.sum() * 0
    loss.backward()
    return {
        "loss": loss.item(),
        "accelGradient": a_raw.grad.numpy().tolist(),
        "gyroGradient": g_raw.grad.numpy().tolist(),
        "triplets": [list(t) for t in triplets],
        "validTriplets": valid,
        "activeTriplets": int(active),
        "fallbacks": fallbacks,
    }, near


def float32_matrix(rng, rows, cols):
    return rng.standard_normal((rows, cols)).astype(np.float32)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: triplet_reference.py OUTPUT.json")
    data_rng = np.random.default_rng(20240607)
    cases = []
    margins = {"cosine": [0.2, 0.5], "euclidean": [0.2, 0.6], "squared-euclidean": [0.3, 0.8]}
    seed = 11
    for label_aware in (False, True):
        for negatives in ("cross-modal", "all"):
            for distance in ("cosine", "euclidean", "squared-euclidean"):
                for mining in ("random", "hard", "semi-hard", "batch-all"):
                    for margin in margins[distance]:
                        case = {"mining": mining, "distance": distance, "margin": margin,
                                "negatives": negatives, "labelAware": label_aware,
                                "seed": seed}
                        seed += 1
                        n = 7 if label_aware else 6
                        for _ in range(1000):
                            accel = float32_matrix(data_rng, n, 4)
                            gyro = float32_matrix(data_rng, n, 4)
                            classes = ([int(c) for c in data_rng.integers(0, 3, n)]
                                       if label_aware else None)
                            rng = JavaRandom(epoch_seed(case["seed"], 0))
                            result, near = evaluate(accel, gyro, classes, case, rng)
                            if not near:
                                break
                        else:
                            sys.exit("no batch without near ties for " + json.dumps(case))
                        case["accel"] = [[float(v) for v in row] for row in accel]
                        case["gyro"] = [[float(v) for v in row] for row in gyro]
                        case["classes"] = classes if classes is not None else [0] * n
                        case.update(result)
                        cases.append(case)
    # Random picks of the label-free, cross-modal miner on a batch of 5 windows, for three
    # consecutive batches of one generator seeded with 42 (the miner's own seed, not an epoch's).
    rng = JavaRandom(42)
    picks = []
    for _ in range(3):
        batch = []
        for i in range(5):
            k = rng.next_int(4)
            batch.append(k if k < i else k + 1)
        picks.append(batch)
    out = {
        "generator": "tools/reference/triplet_reference.py, torch " + torch.__version__,
        "epochSeeds": {"%d:%d" % (s, e): str(epoch_seed(s, e))
                       for s, e in [(0, 0), (11, 0), (11, 1), (-5, 3)]},
        "randomPicksSeed42": picks,
        "cases": cases,
    }
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, sys.argv[1])
    print("wrote %d cases to %s" % (len(cases), sys.argv[1]))


if __name__ == "__main__":
    main()
