#!/usr/bin/env python3
"""Window counts per protocol, split and class on the real UCI HAPT files.

An implementation of cagekit's documented windowing rules that shares no code with it:
  * each RawData/acc_expNN_userMM.txt has n rows; samples not covered by a labels.txt
    segment (1-based, inclusive) are class 0;
  * windows of 128 samples start at 0, s, 2s, ... while start + 128 < n;
    s = 64 for train users, 128 for validation and test users;
  * hapt-13: label of sample start + 128, all 13 classes kept;
  * hapt-6: windows whose 128 samples all carry one label in 1..6;
  * test users 2 4 9 10 12 13 18 20 24, validation users 28 29 30, others train.
Writes src/test/resources/org/cagekit/data/hapt_window_counts.csv (protocol,split,class,windows).

Usage: python3 tools/reference/hapt_window_counts.py [DATA_ROOT]   (default $CAGEKIT_DATA)
"""
import collections
import os
import re
import sys

TEST = {2, 4, 9, 10, 12, 13, 18, 20, 24}
VAL = {28, 29, 30}
LENGTH = 128
OUT = os.path.join("src", "test", "resources", "org", "cagekit", "data", "hapt_window_counts.csv")


def split_of(user):
    return "test" if user in TEST else "val" if user in VAL else "train"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ["CAGEKIT_DATA"]
    raw = os.path.join(root, "uci-hapt", "RawData")
    segments = collections.defaultdict(list)
    with open(os.path.join(raw, "labels.txt")) as f:
        for line in f:
            if line.strip():
                exp, user, act, start, end = map(int, line.split())
                segments[exp].append((act, start, end))
    counts = collections.Counter()
    for name in sorted(os.listdir(raw)):
        m = re.fullmatch(r"acc_exp(\d+)_user(\d+)\.txt", name)
        if not m:
            continue
        exp, user = int(m.group(1)), int(m.group(2))
        with open(os.path.join(raw, name)) as f:
            n = sum(1 for line in f if line.strip())
        labels = [0] * n
        for act, start, end in segments[exp]:
            for i in range(start - 1, end):
                labels[i] = act
        split = split_of(user)
        stride = 64 if split == "train" else 128
        start = 0
        while start + LENGTH < n:
            counts[("hapt-13", split, labels[start + LENGTH])] += 1
            window = set(labels[start:start + LENGTH])
            if len(window) == 1 and 1 <= labels[start] <= 6:
                counts[("hapt-6", split, labels[start])] += 1
            start += stride
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("protocol,split,class,windows\n")
        for protocol, classes in (("hapt-13", range(13)), ("hapt-6", range(1, 7))):
            for split in ("train", "val", "test"):
                for c in classes:
                    f.write("%s,%s,%d,%d\n" % (protocol, split, c, counts[(protocol, split, c)]))
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
