#!/usr/bin/python3
"""scikit-learn side of the KNN benchmark (tools/bench/knn.sh).

    knn_sklearn.py DIR [REFERENCES QUERIES DIM CLASSES]

Draws a seeded, clustered embedding set at HAPT scale (hapt-13: 10,555 train windows as
references; 923 validation + 2,531 test windows as queries; 2 x 64 = 128 dimensions; 13
classes), writes it to DIR for the Java side (references.f32, queries.f32: little-endian
float32 rows; labels.i32: little-endian int32), then times KNeighborsClassifier(n_neighbors=7,
metric="cosine", weights="distance", algorithm="brute", n_jobs=-1).predict on the queries:
one warm-up call, then the best of five. Writes sklearn.i32 (its predictions) and prints
`sklearn SECONDS QUERIES_PER_SECOND`.
"""

import os
import sys
import time

import numpy as np
import sklearn
from sklearn.neighbors import KNeighborsClassifier


def main():
    if len(sys.argv) not in (2, 6):
        sys.exit("usage: knn_sklearn.py DIR [REFERENCES QUERIES DIM CLASSES]")
    out = sys.argv[1]
    n, m, d, classes = (10555, 3454, 128, 13) if len(sys.argv) == 2 else map(int, sys.argv[2:])
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(2024)
    centres = rng.normal(0, 1, (classes, d))
    labels = rng.integers(0, classes, n).astype(np.int32)
    query_labels = rng.integers(0, classes, m)
    reference = (centres[labels] + rng.normal(0, 2.0, (n, d))).astype(np.float32)
    queries = (centres[query_labels] + rng.normal(0, 2.0, (m, d))).astype(np.float32)
    reference.astype("<f4").tofile(os.path.join(out, "references.f32"))
    queries.astype("<f4").tofile(os.path.join(out, "queries.f32"))
    labels.astype("<i4").tofile(os.path.join(out, "labels.i32"))

    clf = KNeighborsClassifier(
        n_neighbors=7, metric="cosine", weights="distance", algorithm="brute", n_jobs=-1
    ).fit(reference, labels)
    predicted = clf.predict(queries)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        predicted = clf.predict(queries)
        best = min(best, time.perf_counter() - start)
    predicted.astype("<i4").tofile(os.path.join(out, "sklearn.i32"))
    with open(os.path.join(out, "shape.txt"), "w", encoding="utf-8") as f:
        f.write(f"{n} {m} {d}\n")
    print(f"sklearn {best:.4f} {m / best:.0f}  (scikit-learn {sklearn.__version__}, "
          f"{n} references, {m} queries, d={d})")


if __name__ == "__main__":
    main()
