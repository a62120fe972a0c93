package org.cagekit.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running sums over an epoch's training batches, from which its {@link EpochRecord} is made. Kept
 * as plain fields so that a checkpoint taken in the middle of an epoch can store them.
 */
final class EpochTotals {
    int batches;
    long windows;
    double lossSum;
    long correct;
    double temperatureSum;
    int temperatureBatches;
    double cosineSum;
    double gradientSquareSum;
    double maxGradientNorm;
    double seconds;
    Map<String, Double> diagnosticSums = new LinkedHashMap<>();

    void addBatch(int size, float loss, long correctRows, float meanCosine, double gradNorm) {
        batches++;
        windows += size;
        lossSum += (double) loss * size;
        correct += correctRows;
        cosineSum += meanCosine;
        gradientSquareSum += gradNorm * gradNorm;
        maxGradientNorm = Math.max(maxGradientNorm, gradNorm);
    }

    void addDiagnostics(Map<String, Float> diagnostics) {
        for (Map.Entry<String, Float> e : diagnostics.entrySet()) {
            if (e.getKey().equals("temperature")) {
                temperatureSum += e.getValue();
                temperatureBatches++;
            } else {
                diagnosticSums.merge(e.getKey(), (double) e.getValue(), Double::sum);
            }
        }
    }

    EpochRecord record(
            int epoch, float learningRate, float validationLoss, float validationTopOne) {
        Map<String, Float> diagnostics = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : diagnosticSums.entrySet()) {
            diagnostics.put(e.getKey(), (float) (e.getValue() / batches));
        }
        return new EpochRecord(
                epoch + 1,
                (float) (lossSum / windows),
                (float) correct / windows,
                temperatureBatches == 0 ? Float.NaN : (float) (temperatureSum / temperatureBatches),
                learningRate,
                seconds,
                seconds > 0 ? windows / seconds : 0,
                validationLoss,
                validationTopOne,
                (float) (cosineSum / batches),
                (float) Math.sqrt(gradientSquareSum / batches),
                diagnostics);
    }
}
