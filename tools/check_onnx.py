#!/usr/bin/env python3
"""Runs the official ONNX checker on exported cagekit encoders.

Usage: tools/check_onnx.py FILE.onnx [FILE.onnx ...]

For each file: onnx.checker.check_model with full_check (which adds strict shape inference), then
one line "FILE: ok ir=IR opset=OPSET inputs=NAME[dims] ... outputs=NAME[dims] ..." on stdout,
symbolic dimensions by name. Exit status 0 when every file passes, 1 when any fails (the
checker's message goes to stderr), 2 on a usage error.
"""
import sys

import onnx


def dims(value_info):
    shape = value_info.type.tensor_type.shape
    return ",".join(d.dim_param if d.dim_param else str(d.dim_value) for d in shape.dim)


def check(path):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    inputs = " ".join(f"{i.name}[{dims(i)}]" for i in model.graph.input)
    outputs = " ".join(f"{o.name}[{dims(o)}]" for o in model.graph.output)
    return f"ok ir={model.ir_version} opset={opset} inputs={inputs} outputs={outputs}"


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = False
    for path in argv[1:]:
        try:
            print(f"{path}: {check(path)}")
        except Exception as e:  # the checker raises several types; each is a failed file
            print(f"{path}: {type(e).__name__}: {e}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
