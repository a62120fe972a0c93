package org.cagekit.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;

/** One evaluation of a loss with its gradient with respect to both embedding matrices. */
record LossRun(
        double value,
        double[][] accelGradient,
        double[][] gyroGradient,
        Map<String, Float> diagnostics) {

    /** ln(1 / 0.07), the model's initial θ; only the learnable NT-Xent reads it. */
    static final double THETA = Math.log(1 / 0.07);

    static LossRun of(ContrastiveLoss loss, float[][] accel, float[][] gyro, long[] classes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return run(loss, manager, manager.create(accel), manager.create(gyro), classes);
        }
    }

    static LossRun of(ContrastiveLoss loss, double[][] accel, double[][] gyro, long[] classes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return run(loss, manager, manager.create(accel), manager.create(gyro), classes);
        }
    }

    private static LossRun run(
            ContrastiveLoss loss, NDManager manager, NDArray a, NDArray g, long[] classes) {
        a.setRequiresGradient(true);
        g.setRequiresGradient(true);
        NDArray theta = manager.create(new double[] {THETA}).toType(a.getDataType(), false);
        NDList labels = new NDList(manager.create(classes));
        double value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray result = loss.evaluate(labels, new NDList(a, g, theta));
            value = result.toType(DataType.FLOAT64, false).getDouble();
            collector.backward(result);
        }
        return new LossRun(
                value,
                matrix(a.getGradient(), a),
                matrix(g.getGradient(), g),
                new LinkedHashMap<>(loss.diagnostics()));
    }

    private static double[][] matrix(NDArray gradient, NDArray like) {
        int rows = Math.toIntExact(like.getShape().get(0));
        int columns = Math.toIntExact(like.getShape().get(1));
        double[] flat = gradient.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, m[i], 0, columns);
        }
        return m;
    }

    /** Whether every gradient entry is finite. */
    boolean gradientsFinite() {
        for (double[][] m : new double[][][] {accelGradient, gyroGradient}) {
            for (double[] row : m) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The largest absolute gradient entry. */
    double largestGradient() {
        double largest = 0;
        for (double[][] m : new double[][][] {accelGradient, gyroGradient}) {
            for (double[] row : m) {
                for (double v : row) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        return largest;
    }
}
