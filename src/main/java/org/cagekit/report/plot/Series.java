package org.cagekit.report.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A named sequence of (x, y) points read from a report table, with the points whose y is NaN (an
 * empty cell) left out.
 *
 * @param name legend text
 * @param x abscissae
 * @param y ordinates
 */
public record Series(String name, List<Double> x, List<Double> y) {

    /** Builds a series from parallel arrays, dropping points where either value is NaN. */
    public static Series of(String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return new Series(name, List.copyOf(xs), List.copyOf(ys));
    }

    /** Whether no point is left. */
    public boolean isEmpty() {
        return x.isEmpty();
    }

    /** The same points with every y multiplied by a factor. */
    public Series scaled(double factor) {
        return new Series(name, x, y.stream().map(v -> v * factor).toList());
    }

    /** Largest y, or NaN when empty. */
    public double maxY() {
        return y.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
