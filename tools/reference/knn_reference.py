#!/usr/bin/python3
"""Reference values for cagekit's nearest-neighbour classifier and metrics, from scikit-learn.

Run with Debian's python3-sklearn (the interpreter at /usr/bin/python3):

    tools/reference/knn_reference.py src/test/resources/org/cagekit/eval/sklearn

For each KNN case it writes CASE.csv (role, label, x0..x{d-1}: the reference rows, then the
query rows) and CASE_expected.csv (query, predicted, share, neighbours), and lists every case
with its k, metric and weights in knn_cases.csv. `share` is predict_proba of the predicted
class; `neighbours` the kneighbors indices, nearest first, separated by spaces (only where no
two of them are at the same distance, since scikit-learn does not fix their order then; '-'
otherwise). For each metrics case it writes METRICS_labels.csv (true, predicted), and
METRICS_expected.csv with accuracy, per-class precision, recall, F1 and support, the macro and
weighted averages, and the confusion matrix. All values are float32-representable, so the Java
side reads exactly the inputs scikit-learn saw.
"""

import csv
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
from sklearn.neighbors import KNeighborsClassifier


def write_rows(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def knn_case(out, cases, name, reference, labels, queries, k, metric, weights):
    reference = np.asarray(reference, dtype=np.float32).astype(np.float64)
    queries = np.asarray(queries, dtype=np.float32).astype(np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    d = reference.shape[1]
    rows = [["reference", int(l)] + [repr(float(v)) for v in r] for r, l in zip(reference, labels)]
    rows += [["query", -1] + [repr(float(v)) for v in q] for q in queries]
    write_rows(os.path.join(out, name + ".csv"), ["role", "label"] + [f"x{i}" for i in range(d)], rows)

    clf = KNeighborsClassifier(n_neighbors=k, metric=metric, weights=weights, algorithm="brute")
    clf.fit(reference, labels)
    predicted = clf.predict(queries)
    proba = clf.predict_proba(queries)
    dist, ind = clf.kneighbors(queries)
    expected = []
    for q in range(len(queries)):
        share = proba[q, list(clf.classes_).index(predicted[q])]
        distinct = len(np.unique(dist[q])) == k
        neighbours = " ".join(str(int(i)) for i in ind[q]) if distinct else "-"
        expected.append([q, int(predicted[q]), repr(float(share)), neighbours])
    write_rows(
        os.path.join(out, name + "_expected.csv"),
        ["query", "predicted", "share", "neighbours"],
        expected,
    )
    cases.append([name, k, metric, weights])


def metrics_case(out, name, true, predicted):
    true = np.asarray(true)
    predicted = np.asarray(predicted)
    write_rows(
        os.path.join(out, name + "_labels.csv"),
        ["true", "predicted"],
        [[int(t), int(p)] for t, p in zip(true, predicted)],
    )
    labels = np.union1d(true, predicted)
    p, r, f, s = precision_recall_fscore_support(
        true, predicted, labels=labels, zero_division=0
    )
    rows = [["accuracy", "", repr(float(accuracy_score(true, predicted))), "", "", ""]]
    for i, label in enumerate(labels):
        rows.append(["class", int(label), repr(float(p[i])), repr(float(r[i])), repr(float(f[i])), int(s[i])])
    for average in ("macro", "weighted"):
        ap, ar, af, _ = precision_recall_fscore_support(
            true, predicted, labels=labels, average=average, zero_division=0
        )
        rows.append([average, "", repr(float(ap)), repr(float(ar)), repr(float(af)), len(true)])
    cm = confusion_matrix(true, predicted, labels=labels)
    for i, label in enumerate(labels):
        rows.append(["confusion", int(label)] + [int(c) for c in cm[i]])
    write_rows(
        os.path.join(out, name + "_expected.csv"),
        ["kind", "label", "a", "b", "c", "d"],
        rows,
    )


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: knn_reference.py OUTPUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cases = []

    # k = 7, uniform: votes 3 (class 2) : 3 (class 1) : 1 (class 3). The nearest neighbour is of
    # class 3 and the next three of class 2, yet the tie goes to the smaller label, 1.
    knn_case(
        out, cases, "vote_tie_3_3_1",
        [[0.5, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [6, 0]],
        [3, 2, 2, 2, 1, 1, 1],
        [[0, 0]],
        7, "euclidean", "uniform",
    )
    # Three references coincide with the query (two of class 3, one of class 1); only they vote,
    # so class 3 wins with share 2/3 although three of class 2 sit at distance 0.25.
    knn_case(
        out, cases, "zero_distance_euclidean",
        [[1, 1], [1, 1.25], [1, 1], [1.25, 1], [1, 1], [0.75, 1]],
        [3, 2, 3, 2, 1, 2],
        [[1, 1], [0, 0]],
        6, "euclidean", "distance",
    )
    # Cosine: (1, 0) and (5, 0) point the same way as the query (2, 0): distance exactly 0.
    knn_case(
        out, cases, "zero_distance_cosine",
        [[0, 1], [1, 0], [1, 1], [5, 0], [1, 1], [1, 1]],
        [1, 4, 1, 4, 1, 1],
        [[2, 0], [0, 3]],
        5, "cosine", "distance",
    )
    # Four references at distance 1 from the origin compete for k = 3 places; reference order
    # takes positions 0, 1, 2 (labels 5, 6, 6), so class 6 wins with share 2/3.
    knn_case(
        out, cases, "equal_distances",
        [[1, 0], [0, 1], [-1, 0], [0, -1], [2, 0]],
        [5, 6, 6, 5, 5],
        [[0, 0]],
        3, "euclidean", "uniform",
    )

    # 500 references of 16 dimensions in 5 overlapping classes, 200 queries; fixed seed.
    rng = np.random.default_rng(20240605)
    centres = rng.normal(0, 1.0, size=(5, 16))
    labels = rng.integers(0, 5, size=500)
    reference = centres[labels] + rng.normal(0, 1.5, size=(500, 16))
    query_labels = rng.integers(0, 5, size=200)
    queries = centres[query_labels] + rng.normal(0, 1.5, size=(200, 16))
    reference = reference.astype(np.float32)
    queries = queries.astype(np.float32)
    knn_case(out, cases, "random_500x16_cosine_distance", reference, labels, queries, 7, "cosine", "distance")
    knn_case(out, cases, "random_500x16_euclidean_uniform", reference, labels, queries, 7, "euclidean", "uniform")

    write_rows(os.path.join(out, "knn_cases.csv"), ["case", "k", "metric", "weights"], cases)

    metrics_case(out, "metrics_small", [1, 1, 1, 2, 2, 3], [1, 1, 1, 2, 2, 2])
    # Labels 5 never predicted and 7 never true: both enter the label set with zero scores.
    true = rng.integers(0, 6, size=300)
    predicted = np.where(rng.random(300) < 0.6, true, rng.integers(0, 5, size=300))
    predicted[rng.random(300) < 0.05] = 7
    metrics_case(out, "metrics_random", true, predicted)

    with open(os.path.join(out, "VERSION"), "w", encoding="utf-8") as f:
        f.write(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}\n")


if __name__ == "__main__":
    main()
