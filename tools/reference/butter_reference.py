#!/usr/bin/env python3
"""Reference responses of cagekit's default low-pass filter.

Designs scipy.signal.butter(3, 20, fs=50) (low-pass, transfer-function form) and runs
scipy.signal.lfilter from a zero state over a unit step and a unit impulse of 100 samples.
Writes src/test/resources/org/cagekit/data/butter_reference.csv with columns
n, step, impulse (17 significant digits), preceded by '#' lines holding the coefficients.

Run from the project root: python3 tools/reference/butter_reference.py
"""
import os

import numpy as np
import scipy
from scipy import signal

N = 100
OUT = os.path.join("src", "test", "resources", "org", "cagekit", "data", "butter_reference.csv")


def main():
    b, a = signal.butter(3, 20, btype="low", fs=50)
    step = np.ones(N)
    impulse = np.zeros(N)
    impulse[0] = 1.0
    y_step = signal.lfilter(b, a, step)
    y_impulse = signal.lfilter(b, a, impulse)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("# scipy %s: butter(3, 20, fs=50) + lfilter, zero initial state\n" % scipy.__version__)
        f.write("# b = %s\n" % " ".join("%.17g" % v for v in b))
        f.write("# a = %s\n" % " ".join("%.17g" % v for v in a))
        f.write("n,step,impulse\n")
        for n in range(N):
            f.write("%d,%.17g,%.17g\n" % (n, y_step[n], y_impulse[n]))
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
