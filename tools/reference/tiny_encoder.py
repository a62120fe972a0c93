#!/usr/bin/python3
"""Writes small ONNX encoders that honour cagekit's exported-model contract, for the evaluation
tests, and their outputs on fixed windows computed independently with numpy.

Run with Debian's python3-onnx (the interpreter at /usr/bin/python3):

    tools/reference/tiny_encoder.py src/test/resources/org/cagekit/eval

Contract: inputs `accel` [N, 3, T] and `gyro` [N, 3, T] float32 with N and T symbolic; outputs
`accel_embedding` and `gyro_embedding` [N, 4] (unit length) and `embedding` [N, 8], their
concatenation. Each branch is: standardise (Sub mean, Mul 1/std; absent in the raw variant),
Conv1d 3->4 kernel 3 padding 1, Relu, ReduceMean over time, MatMul by a 4x4 projection,
x / max(|x|, 1e-12). metadata_props holds the model card under `cagekit.model_card` and
`normalised_in_graph`.

Files written:
  tiny-encoder.onnx         standardisation in the graph, card for hapt-13 with users 1 and 3
                            for training, 28 for validation and 2 for testing
  tiny-encoder-raw.onnx     the same weights without standardisation, normalised_in_graph=false
  tiny-encoder-nocard.onnx  no model card
  tiny-encoder-input.csv    five windows of T = 16: window, accel values (c-major), gyro values
  tiny-encoder-expected.csv outputs of tiny-encoder.onnx for them: window, the 8 embedding values
"""

import csv
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

D = 4
CHANNELS = 3
HAPT_CLASSES = {
    0: "null", 1: "WALKING", 2: "WALKING_UPSTAIRS", 3: "WALKING_DOWNSTAIRS", 4: "SITTING",
    5: "STANDING", 6: "LAYING", 7: "STAND_TO_SIT", 8: "SIT_TO_STAND", 9: "SIT_TO_LIE",
    10: "LIE_TO_SIT", 11: "STAND_TO_LIE", 12: "LIE_TO_STAND",
}


def weights():
    rng = np.random.default_rng(7)
    w = {}
    for branch in ("accel", "gyro"):
        w[branch + ".conv.w"] = rng.normal(0, 0.5, (D, CHANNELS, 3)).astype(np.float32)
        w[branch + ".conv.b"] = rng.normal(0, 0.1, (D,)).astype(np.float32)
        w[branch + ".proj"] = rng.normal(0, 0.5, (D, D)).astype(np.float32)
    # Statistics in sensor units: accelerometer in g, gyroscope in rad/s.
    w["accel.mean"] = np.array([0.8, -0.1, 0.05], np.float32)
    w["accel.std"] = np.array([0.4, 0.3, 0.35], np.float32)
    w["gyro.mean"] = np.array([0.01, -0.02, 0.0], np.float32)
    w["gyro.std"] = np.array([0.5, 0.6, 0.45], np.float32)
    return w


def branch_nodes(branch, w, standardise, inits):
    nodes = []
    x = branch
    if standardise:
        mean = numpy_helper.from_array(w[branch + ".mean"].reshape(1, CHANNELS, 1), branch + ".mean")
        scale = numpy_helper.from_array(
            (1.0 / w[branch + ".std"]).astype(np.float32).reshape(1, CHANNELS, 1), branch + ".scale"
        )
        inits += [mean, scale]
        nodes.append(helper.make_node("Sub", [x, branch + ".mean"], [branch + ".centred"]))
        nodes.append(helper.make_node("Mul", [branch + ".centred", branch + ".scale"], [branch + ".z"]))
        x = branch + ".z"
    inits += [
        numpy_helper.from_array(w[branch + ".conv.w"], branch + ".conv.w"),
        numpy_helper.from_array(w[branch + ".conv.b"], branch + ".conv.b"),
        numpy_helper.from_array(w[branch + ".proj"], branch + ".proj"),
        numpy_helper.from_array(np.array(1e-12, np.float32), branch + ".eps"),
    ]
    nodes += [
        helper.make_node("Conv", [x, branch + ".conv.w", branch + ".conv.b"], [branch + ".conv"],
                         kernel_shape=[3], pads=[1, 1]),
        helper.make_node("Relu", [branch + ".conv"], [branch + ".relu"]),
        helper.make_node("ReduceMean", [branch + ".relu"], [branch + ".pooled"], axes=[2], keepdims=0),
        helper.make_node("MatMul", [branch + ".pooled", branch + ".proj"], [branch + ".projected"]),
        helper.make_node("ReduceL2", [branch + ".projected"], [branch + ".norm"], axes=[1], keepdims=1),
        helper.make_node("Max", [branch + ".norm", branch + ".eps"], [branch + ".clamped"]),
        helper.make_node("Div", [branch + ".projected", branch + ".clamped"], [branch + "_embedding"]),
    ]
    return nodes


def card(w):
    return {
        "architecture": {"accelChannels": 3, "gyroChannels": 3, "width": D, "depth": 1,
                         "embeddingDim": D, "kernel": 3},
        "dataset": "hapt",
        "protocol": "hapt-13",
        "protocolParameters": {"users.train": "1,3", "users.val": "28", "users.test": "2"},
        "samplingRateHz": 50.0,
        "windowLength": 128,
        "accelChannels": ["acc_x", "acc_y", "acc_z"],
        "gyroChannels": ["gyro_x", "gyro_y", "gyro_z"],
        "classNames": {str(k): v for k, v in HAPT_CLASSES.items()},
        "accelMean": [float(v) for v in w["accel.mean"]],
        "accelStd": [float(v) for v in w["accel.std"]],
        "gyroMean": [float(v) for v in w["gyro.mean"]],
        "gyroStd": [float(v) for v in w["gyro.std"]],
        "loss": {"loss": "ntxent", "temperature": "learnable"},
        "seed": 7,
        "epochs": 0,
        "cagekitVersion": "test-fixture",
        "sourceRevision": "none",
    }


def model(w, standardise, with_card):
    inits = []
    nodes = branch_nodes("accel", w, standardise, inits) + branch_nodes("gyro", w, standardise, inits)
    nodes.append(helper.make_node("Concat", ["accel_embedding", "gyro_embedding"], ["embedding"], axis=1))
    inputs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["N", CHANNELS, "T"]) for n in ("accel", "gyro")]
    outputs = [
        helper.make_tensor_value_info("accel_embedding", TensorProto.FLOAT, ["N", D]),
        helper.make_tensor_value_info("gyro_embedding", TensorProto.FLOAT, ["N", D]),
        helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["N", 2 * D]),
    ]
    graph = helper.make_graph(nodes, "tiny_encoder", inputs, outputs, inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="cagekit-fixture")
    m.ir_version = 7
    metadata = {"normalised_in_graph": "true" if standardise else "false"}
    if with_card:
        metadata["cagekit.model_card"] = json.dumps(card(w))
    helper.set_model_props(m, metadata)
    onnx.checker.check_model(m)
    return m


def forward(w, branch, x, standardise):
    """numpy forward pass of one branch, x [N, C, T] float32, computed in float64."""
    x = x.astype(np.float64)
    if standardise:
        x = (x - w[branch + ".mean"].reshape(1, CHANNELS, 1)) / w[branch + ".std"].reshape(1, CHANNELS, 1)
    kernel = w[branch + ".conv.w"].astype(np.float64)
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1)))
    t = x.shape[2]
    conv = np.zeros((x.shape[0], D, t))
    for o in range(D):
        for c in range(CHANNELS):
            for j in range(3):
                conv[:, o, :] += kernel[o, c, j] * padded[:, c, j:j + t]
        conv[:, o, :] += w[branch + ".conv.b"][o]
    pooled = np.maximum(conv, 0).mean(axis=2)
    projected = pooled @ w[branch + ".proj"].astype(np.float64)
    norm = np.maximum(np.linalg.norm(projected, axis=1, keepdims=True), 1e-12)
    return projected / norm


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tiny_encoder.py OUTPUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    w = weights()
    onnx.save(model(w, True, True), os.path.join(out, "tiny-encoder.onnx"))
    onnx.save(model(w, False, True), os.path.join(out, "tiny-encoder-raw.onnx"))
    onnx.save(model(w, True, False), os.path.join(out, "tiny-encoder-nocard.onnx"))

    rng = np.random.default_rng(11)
    n, t = 5, 16
    accel = (w["accel.mean"].reshape(1, 3, 1) + rng.normal(0, 0.5, (n, 3, t))).astype(np.float32)
    gyro = (w["gyro.mean"].reshape(1, 3, 1) + rng.normal(0, 0.5, (n, 3, t))).astype(np.float32)
    with open(os.path.join(out, "tiny-encoder-input.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["window"] + [f"accel_{c}_{i}" for c in range(3) for i in range(t)]
                    + [f"gyro_{c}_{i}" for c in range(3) for i in range(t)])
        for i in range(n):
            wr.writerow([i] + [repr(float(v)) for v in accel[i].ravel()] + [repr(float(v)) for v in gyro[i].ravel()])
    joint = np.concatenate([forward(w, "accel", accel, True), forward(w, "gyro", gyro, True)], axis=1)
    with open(os.path.join(out, "tiny-encoder-expected.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["window"] + [f"e{i}" for i in range(2 * D)])
        for i in range(n):
            wr.writerow([i] + [repr(float(v)) for v in joint[i]])


if __name__ == "__main__":
    main()
