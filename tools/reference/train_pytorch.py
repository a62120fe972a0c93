#!/usr/bin/python3
"""The cagekit model, loss and optimiser written directly in PyTorch, for the training benchmark.

Run with Debian's python3-torch (the interpreter at /usr/bin/python3):

    tools/reference/train_pytorch.py WINDOWS.cagewin [--epochs 3] [--batch-size 64]
        [--threads 1] [--seed 1] [--out history.csv]

WINDOWS.cagewin is a window file of cagekit's cache (`cagekit prepare` writes one under
$CAGEKIT_CACHE/windows/); its format is described in org.cagekit.data.WindowCache. The train
split is read and, like cagekit's trainer, kept as one tensor that each batch gathers from.

Model: per modality Conv1d(C, 64, 3, padding 1) - ReLU - MaxPool1d(2) - Conv1d(64, 64, 3, padding
1) - ReLU - MaxPool1d(2) - Conv1d(64, 64, 3, padding 1) - ReLU - mean over time - Linear(64, 64,
no bias) - L2 normalisation; a learnable log logit scale theta = ln(1/0.07), clamped to
[0, ln 100] after every step. Loss: CLIP-symmetric NT-Xent with s = exp(theta). Adam, lr 1e-3,
weight decay 1e-7, batch 64, a seeded shuffle per epoch; a trailing single window joins the
previous batch.

Prints one line per epoch and writes a CSV with epoch, loss, seconds and windows_per_s, where the
seconds cover the training batches only, as in cagekit's history.csv.
"""

import argparse
import json
import math
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_train_split(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"CAGEWIN1":
        raise SystemExit(f"{path}: not a cagekit window file (magic {data[:8]!r})")
    version, header_length = struct.unpack(">ii", data[8:16])
    if version != 1:
        raise SystemExit(f"{path}: window file version {version}, expected 1")
    header = json.loads(data[16:16 + header_length].decode("utf-8"))
    offset = 16 + header_length
    for split in header["splits"]:
        n, ca, cg, t = (split[k] for k in ("windows", "accelChannels", "gyroChannels", "length"))
        offset += 3 * 4 * n
        accel = np.frombuffer(data, dtype=">f4", count=n * ca * t, offset=offset)
        offset += 4 * n * ca * t
        gyro = np.frombuffer(data, dtype=">f4", count=n * cg * t, offset=offset)
        offset += 4 * n * cg * t
        if split["split"] in ("train", "TRAIN"):
            return (header, accel.astype(np.float32).reshape(n, ca, t),
                    gyro.astype(np.float32).reshape(n, cg, t))
    raise SystemExit(f"{path}: no train split")


def encoder(channels, width=64, depth=3):
    layers = []
    for layer in range(depth):
        layers += [nn.Conv1d(channels if layer == 0 else width, width, 3, padding=1), nn.ReLU()]
        if layer < depth - 1:
            layers.append(nn.MaxPool1d(2))
    return nn.Sequential(*layers)


class CageModel(nn.Module):
    def __init__(self, accel_channels, gyro_channels, width=64, depth=3, dim=64):
        super().__init__()
        self.accel_encoder = encoder(accel_channels, width, depth)
        self.gyro_encoder = encoder(gyro_channels, width, depth)
        self.accel_projection = nn.Linear(width, dim, bias=False)
        self.gyro_projection = nn.Linear(width, dim, bias=False)
        self.logit_scale = nn.Parameter(torch.tensor([math.log(1 / 0.07)]))

    def forward(self, accel, gyro):
        a = self.accel_projection(self.accel_encoder(accel).mean(dim=2))
        g = self.gyro_projection(self.gyro_encoder(gyro).mean(dim=2))
        return F.normalize(a, dim=1), F.normalize(g, dim=1), self.logit_scale


def ntxent(a, g, theta):
    logits = theta.exp() * a @ g.T
    targets = torch.arange(a.shape[0])
    return 0.5 * (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets))


def batch_bounds(n, batch_size):
    full, rest = divmod(n, batch_size)
    batches = full + (1 if rest >= 2 or full == 0 else 0)
    bounds = [min(b * batch_size, n) for b in range(batches + 1)]
    bounds[-1] = n
    return bounds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("windows")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    header, accel, gyro = read_train_split(args.windows)
    accel = torch.from_numpy(accel)
    gyro = torch.from_numpy(gyro)
    n = accel.shape[0]
    model = CageModel(accel.shape[1], gyro.shape[1])
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-7)
    generator = torch.Generator().manual_seed(args.seed)
    bounds = batch_bounds(n, args.batch_size)
    rows = []
    for epoch in range(args.epochs):
        order = torch.randperm(n, generator=generator)
        seconds = 0.0
        loss_sum = 0.0
        for b in range(len(bounds) - 1):
            start = time.perf_counter()
            index = order[bounds[b]:bounds[b + 1]]
            a, g, theta = model(accel.index_select(0, index), gyro.index_select(0, index))
            loss = ntxent(a, g, theta)
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
            with torch.no_grad():
                model.logit_scale.clamp_(0, math.log(100))
            loss_sum += loss.item() * index.shape[0]
            seconds += time.perf_counter() - start
        row = (epoch + 1, loss_sum / n, seconds, n / seconds)
        rows.append(row)
        print("pytorch epoch %d: loss %.4f, %.1f s, %.1f windows/s" % row, file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("epoch,loss,seconds,windows_per_s\n")
            for row in rows:
                f.write("%d,%.6f,%.3f,%.1f\n" % row)


if __name__ == "__main__":
    main()
