package org.cagekit.report.plot;

import java.util.Arrays;

/**
 * Principal component analysis by eigen-decomposition of the sample covariance matrix, in pure
 * Java.
 *
 * <p>For points x_1..x_n in R^d with mean m, the covariance is C = (1 / (n - 1)) sum (x_i - m) (x_i
 * - m)^T. Its eigenpairs come from the cyclic Jacobi method: plane rotations, each zeroing one
 * off-diagonal element, swept over all pairs until the off-diagonal mass falls below 1e-22 of the
 * total (or 100 sweeps); the method is exact to rounding for symmetric matrices and costs O(d^3)
 * per sweep, which is nothing at embedding sizes (d up to a few hundred). Components are sorted by
 * decreasing eigenvalue; the explained-variance share of component k is lambda_k over the trace of
 * C. A point projects to v_k . (x - m). The sign of an eigenvector is arbitrary; it is fixed so
 * that the entry of largest magnitude is positive.
 *
 * <p>Smile's own PCA is not used because it computes through LAPACK, which Smile loads from the
 * optional bytedeco OpenBLAS natives (about 100 MB), absent here.
 */
public final class PrincipalComponents {
    private final double[] mean;
    private final double[] variances;
    private final double[][] components;
    private final double total;

    private PrincipalComponents(
            double[] mean, double[] variances, double[][] components, double total) {
        this.mean = mean;
        this.variances = variances;
        this.components = components;
        this.total = total;
    }

    /**
     * Fits the components.
     *
     * @param data points, [n][d] with n >= 2 and every row of length d >= 1
     */
    public static PrincipalComponents fit(double[][] data) {
        int n = data.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points, got " + n);
        }
        int d = data[0].length;
        double[] mean = new double[d];
        for (double[] row : data) {
            if (row.length != d) {
                throw new IllegalArgumentException(
                        "PCA needs rows of one length, found " + d + " and " + row.length);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : data) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += centred[a] * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            trace += cov[a][a];
        }

        double[][] vectors = jacobi(cov);
        Integer[] order = new Integer[d];
        Arrays.setAll(order, k -> k);
        // Stable: equal eigenvalues keep the order of the coordinate axes.
        Arrays.sort(order, (p, q) -> Double.compare(cov[q][q], cov[p][p]));
        double[] variances = new double[d];
        double[][] components = new double[d][d];
        for (int k = 0; k < d; k++) {
            int c = order[k];
            variances[k] = Math.max(0, cov[c][c]);
            int largest = 0;
            for (int j = 0; j < d; j++) {
                components[k][j] = vectors[j][c];
                if (Math.abs(components[k][j]) > Math.abs(components[k][largest])) {
                    largest = j;
                }
            }
            if (components[k][largest] < 0) {
                for (int j = 0; j < d; j++) {
                    components[k][j] = -components[k][j];
                }
            }
        }
        return new PrincipalComponents(mean, variances, components, trace);
    }

    /** Variance along each component, decreasing. */
    public double[] variances() {
        return variances.clone();
    }

    /** Share of the total variance along component k; 0 when the data has no variance. */
    public double varianceShare(int k) {
        return total > 0 ? variances[k] / total : 0;
    }

    /** Component k as a unit vector. */
    public double[] component(int k) {
        return components[k].clone();
    }

    /** Coordinate of a point along component k. */
    public double project(double[] point, int k) {
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
            sum += components[k][j] * (point[j] - mean[j]);
        }
        return sum;
    }

    /**
     * Diagonalises the symmetric matrix in place (its diagonal becomes the eigenvalues) and returns
     * the eigenvectors as columns.
     */
    private static double[][] jacobi(double[][] a) {
        int d = a.length;
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        double scale = 0;
        for (double[] row : a) {
            for (double x : row) {
                scale += x * x;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-22 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        return v;
    }

    /** One Jacobi rotation zeroing a[p][q]. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        int d = a.length;
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        // The smaller root of t^2 + 2 t theta - 1 = 0 keeps the rotation angle below pi/4.
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
