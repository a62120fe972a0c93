#!/usr/bin/python3
"""PyTorch eager side of the embedding benchmark (tools/bench/embed.sh).

    embed_torch.py MODEL.onnx DIR BATCH

Runs the exported graph's nodes one by one as eager PyTorch operations (torch.nn.functional
conv1d, relu, max_pool1d, mean, matmul, ...), with the initialisers of the .onnx file as the
weights, so the weights are exactly those ONNX Runtime and DJL use. Reads the windows
EmbedBench wrote (accel.f32, gyro.f32, shape.txt), warms up once, times three passes in
batches of BATCH under torch.no_grad() with torch.set_num_threads(all cores), and prints
`pytorch SECONDS WINDOWS_PER_SECOND` with the largest difference from ONNX Runtime's embeddings
(ort.f32).
"""

import os
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def attributes(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def run_node(node, values):
    x = [values[i] if i else None for i in node.input]
    a = attributes(node)
    op = node.op_type
    if op == "Sub":
        return x[0] - x[1]
    if op == "Mul":
        return x[0] * x[1]
    if op == "Div":
        return x[0] / x[1]
    if op == "Max":
        return torch.maximum(x[0], x[1])
    if op == "Relu":
        return F.relu(x[0])
    if op == "Identity":
        return x[0]
    if op == "Conv":
        pads = a.get("pads", [0, 0])
        if pads[0] != pads[1]:
            raise ValueError("asymmetric padding is not supported")
        return F.conv1d(x[0], x[1], x[2] if len(x) > 2 else None, stride=a.get("strides", [1])[0],
                        padding=pads[0], dilation=a.get("dilations", [1])[0], groups=a.get("group", 1))
    if op == "MaxPool":
        return F.max_pool1d(x[0], a["kernel_shape"][0], stride=a.get("strides", [1])[0],
                            padding=a.get("pads", [0, 0])[0], ceil_mode=bool(a.get("ceil_mode", 0)))
    if op == "ReduceMean":
        axes = a["axes"] if "axes" in a else [int(v) for v in x[1].tolist()]
        return x[0].mean(dim=axes, keepdim=bool(a.get("keepdims", 1)))
    if op == "ReduceL2":
        axes = a["axes"] if "axes" in a else [int(v) for v in x[1].tolist()]
        return torch.linalg.vector_norm(x[0], dim=axes, keepdim=bool(a.get("keepdims", 1)))
    if op == "MatMul":
        return torch.matmul(x[0], x[1])
    if op == "Gemm":
        a_, b_ = x[0], x[1]
        if a.get("transA", 0):
            a_ = a_.t()
        if a.get("transB", 0):
            b_ = b_.t()
        y = a.get("alpha", 1.0) * (a_ @ b_)
        return y + a.get("beta", 1.0) * x[2] if len(x) > 2 else y
    if op == "Concat":
        return torch.cat(x, dim=a["axis"])
    raise ValueError(f"operator {op} is not supported by this benchmark")


def forward(model, weights, accel, gyro):
    values = dict(weights)
    values["accel"] = accel
    values["gyro"] = gyro
    for node in model.graph.node:
        values[node.output[0]] = run_node(node, values)
    return values["embedding"]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: embed_torch.py MODEL.onnx DIR BATCH")
    model = onnx.load(sys.argv[1])
    folder = sys.argv[2]
    batch = int(sys.argv[3])
    torch.set_num_threads(os.cpu_count())
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
    n, ca, cg, t = map(int, open(os.path.join(folder, "shape.txt")).read().split())
    accel = torch.from_numpy(np.fromfile(os.path.join(folder, "accel.f32"), "<f4").reshape(n, ca, t))
    gyro = torch.from_numpy(np.fromfile(os.path.join(folder, "gyro.f32"), "<f4").reshape(n, cg, t))

    def embed_all():
        out = []
        with torch.no_grad():
            for start in range(0, n, batch):
                out.append(forward(model, weights, accel[start:start + batch], gyro[start:start + batch]).numpy())
        return np.concatenate(out)

    embeddings = embed_all()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        embeddings = embed_all()
        best = min(best, time.perf_counter() - start)
    ort = np.fromfile(os.path.join(folder, "ort.f32"), "<f4").reshape(n, -1)
    diff = float(np.abs(ort - embeddings).max())
    print(f"pytorch {best:.4f} {n / best:.0f}  (torch {torch.__version__} eager, "
          f"{torch.get_num_threads()} threads, batch {batch}; largest difference from ONNX "
          f"Runtime {diff:.2e})")


if __name__ == "__main__":
    main()
