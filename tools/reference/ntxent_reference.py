#!/usr/bin/python3
"""Reference values for cagekit's NT-Xent loss, from PyTorch autograd.

Run with Debian's python3-torch (the interpreter at /usr/bin/python3):

    tools/reference/ntxent_reference.py src/test/resources/org/cagekit/loss/ntxent_reference.json

A seeded random pair of 8x4 embedding sets A (accelerometer) and G (gyroscope), each row scaled
to unit length and rounded to float32 so that the Java side reads exactly the inputs used here,
goes through the loss written independently with torch.nn.functional.cross_entropy, in float64:

    clip, symmetric:  L = A G^T / tau;  loss = (CE(L, diag) + CE(L^T, diag)) / 2
    clip, one-way:    loss = CE(L, diag)
    simclr:           Z = [A; G], S = Z Z^T / tau with the diagonal removed, the positive of
                      row i is i + N and of row i + N is i; the mean over all 2N rows
                      (symmetric) or over the first N rows (one-way)

with tau = 0.1. The gradients are with respect to A and G as given (the loss does not
normalise). A learnable-temperature case uses s = exp(theta), theta = ln(1/0.07), and records
d loss / d theta as well.
"""

import json
import sys

import torch
import torch.nn.functional as F

N, D, TAU = 8, 4, 0.1


def inputs():
    generator = torch.Generator().manual_seed(20240603)
    a = torch.randn(N, D, generator=generator, dtype=torch.float64)
    g = torch.randn(N, D, generator=generator, dtype=torch.float64)
    a = F.normalize(a, dim=1).float().double()
    g = F.normalize(g, dim=1).float().double()
    return a, g


def loss(a, g, scale, form, direction):
    n = a.shape[0]
    targets = torch.arange(n)
    if form == "clip":
        logits = scale * a @ g.T
        rows = F.cross_entropy(logits, targets)
        if direction == "one-way":
            return rows
        return 0.5 * (rows + F.cross_entropy(logits.T, targets))
    z = torch.cat([a, g], dim=0)
    similarities = scale * z @ z.T
    eye = torch.eye(2 * n, dtype=torch.bool)
    similarities = similarities.masked_fill(eye, float("-inf"))
    positives = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    per_row = F.cross_entropy(similarities, positives, reduction="none")
    if direction == "one-way":
        return per_row[:n].mean()
    return per_row.mean()


def case(name, a0, g0, form, direction, learnable):
    a = a0.clone().requires_grad_(True)
    g = g0.clone().requires_grad_(True)
    theta = torch.tensor(torch.log(torch.tensor(1 / 0.07, dtype=torch.float64)).item(),
                         dtype=torch.float64, requires_grad=True)
    scale = theta.exp() if learnable else 1 / TAU
    value = loss(a, g, scale, form, direction)
    value.backward()
    out = {
        "name": name,
        "form": form,
        "direction": direction,
        "temperature": "learnable" if learnable else "fixed",
        "tau": TAU,
        "loss": value.item(),
        "gradAccel": a.grad.flatten().tolist(),
        "gradGyro": g.grad.flatten().tolist(),
    }
    if learnable:
        out["theta"] = theta.item()
        out["gradTheta"] = theta.grad.item()
    return out


def main():
    a, g = inputs()
    cases = [
        case("clip-symmetric", a, g, "clip", "symmetric", False),
        case("clip-one-way", a, g, "clip", "one-way", False),
        case("simclr-symmetric", a, g, "simclr", "symmetric", False),
        case("simclr-one-way", a, g, "simclr", "one-way", False),
        case("clip-symmetric-learnable", a, g, "clip", "symmetric", True),
    ]
    fixture = {
        "source": "tools/reference/ntxent_reference.py, torch " + torch.__version__,
        "n": N,
        "d": D,
        "accel": a.flatten().tolist(),
        "gyro": g.flatten().tolist(),
        "cases": cases,
    }
    text = json.dumps(fixture, indent=1) + "\n"
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
