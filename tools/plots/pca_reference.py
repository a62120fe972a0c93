#!/usr/bin/python3
"""Reference values for PrincipalComponentsTest, computed with scikit-learn's PCA.

Writes a small random data set (30 points, 6 dimensions, correlated columns, seed 20261203)
and the expected first two principal-component coordinates and explained-variance ratios.
The sign of each component is fixed as cagekit fixes it: the loading of largest magnitude is
positive. Run from the repository root:

    /usr/bin/python3 tools/plots/pca_reference.py   (Debian python3-sklearn)
"""
import numpy as np
from sklearn.decomposition import PCA

OUT = "src/test/resources/org/cagekit/report/plot/"

rng = np.random.default_rng(20261203)
base = rng.normal(size=(30, 3))
mix = np.array([[2.0, 0.5, 0.0, 1.0, 0.0, 0.3],
                [0.0, 1.0, 1.5, 0.0, 0.2, 0.0],
                [0.3, 0.0, 0.0, 0.4, 1.0, 0.8]])
data = base @ mix + 0.05 * rng.normal(size=(30, 6))

pca = PCA(n_components=2, svd_solver="full").fit(data)
components = pca.components_.copy()
for k in range(2):
    if components[k, np.argmax(np.abs(components[k]))] < 0:
        components[k] = -components[k]
projected = (data - pca.mean_) @ components.T

with open(OUT + "pca_input.csv", "w") as f:
    f.write(",".join(f"x{j}" for j in range(6)) + "\n")
    for row in data:
        f.write(",".join(repr(float(v)) for v in row) + "\n")
with open(OUT + "pca_expected.csv", "w") as f:
    f.write("pc1,pc2\n")
    for row in projected:
        f.write(f"{row[0]!r},{row[1]!r}\n")
with open(OUT + "pca_expected_variance.csv", "w") as f:
    f.write("component,variance,ratio\n")
    for k in range(2):
        f.write(f"{k + 1},{pca.explained_variance_[k]!r},{pca.explained_variance_ratio_[k]!r}\n")
