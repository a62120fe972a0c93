#!/usr/bin/env python3
"""Filtered HAPT signal values at a few window positions, computed with scipy.

Reads RawData/acc_exp01_user01.txt and gyro_exp01_user01.txt, low-pass filters every column
along time with scipy.signal.butter(3, 20, fs=50) and scipy.signal.lfilter (zero initial
state), and writes the values at window starts 0 and 6400 (train windows 0 and 100 of
user 1), offsets 0, 1, 2, 63 and 127, to
src/test/resources/org/cagekit/data/hapt_filtered_windows.csv (sensor,channel,start,offset,value).

Usage: python3 tools/reference/hapt_filtered_windows.py [DATA_ROOT]   (default $CAGEKIT_DATA)
"""
import os
import sys

import numpy as np
from scipy import signal

OUT = os.path.join("src", "test", "resources", "org", "cagekit", "data",
                   "hapt_filtered_windows.csv")
STARTS = (0, 6400)
OFFSETS = (0, 1, 2, 63, 127)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ["CAGEKIT_DATA"]
    raw = os.path.join(root, "uci-hapt", "RawData")
    b, a = signal.butter(3, 20, btype="low", fs=50)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("sensor,channel,start,offset,value\n")
        for sensor in ("acc", "gyro"):
            x = np.loadtxt(os.path.join(raw, "%s_exp01_user01.txt" % sensor), dtype=np.float64)
            y = signal.lfilter(b, a, x, axis=0)
            for channel in range(3):
                for start in STARTS:
                    for offset in OFFSETS:
                        f.write("%s,%d,%d,%d,%.17g\n"
                                % (sensor, channel, start, offset, y[start + offset, channel]))
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
