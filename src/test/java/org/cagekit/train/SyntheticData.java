package org.cagekit.train;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cagekit.data.Normalisation;
import org.cagekit.data.PreparedData;
import org.cagekit.data.Split;
import org.cagekit.data.WindowSet;

/**
 * Seeded windows whose gyroscope is a fixed function of the accelerometer, so that the pairing can
 * be learnt: every window is a sum of two sinusoids with random frequencies and phases per channel,
 * and gyroscope channel c is the time derivative of accelerometer channel c scaled by 1/f. Three
 * classes, by the dominant frequency band.
 */
final class SyntheticData {
    static final int CHANNELS = 3;

    private SyntheticData() {}

    static PreparedData prepared(long seed, int train, int validation, int length) {
        Random random = new Random(seed);
        Map<Split, WindowSet> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, windows(random, train, length));
        splits.put(Split.VALIDATION, windows(random, validation, length));
        splits.put(Split.TEST, windows(random, validation, length));
        float[] zeros = new float[CHANNELS];
        float[] ones = {1f, 1f, 1f};
        Map<Integer, String> classes = new TreeMap<>(Map.of(0, "slow", 1, "medium", 2, "fast"));
        Map<String, String> parameters = new TreeMap<>(Map.of("window.length", "" + length));
        return new PreparedData(
                "synthetic",
                "synthetic-3",
                parameters,
                50.0,
                length,
                List.of("acc_x", "acc_y", "acc_z"),
                List.of("gyro_x", "gyro_y", "gyro_z"),
                classes,
                new Normalisation(zeros, ones, zeros, ones),
                splits);
    }

    static WindowSet windows(Random random, int n, int length) {
        float[] accel = new float[n * CHANNELS * length];
        float[] gyro = new float[n * CHANNELS * length];
        int[] labels = new int[n];
        int[] subjects = new int[n];
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            subjects[i] = 1 + i % 5;
            starts[i] = i * length;
            for (int c = 0; c < CHANNELS; c++) {
                double f1 = 0.02 + 0.05 * labels[i] + 0.03 * random.nextDouble();
                double f2 = 0.1 + 0.2 * random.nextDouble();
                double p1 = 2 * Math.PI * random.nextDouble();
                double p2 = 2 * Math.PI * random.nextDouble();
                double a2 = random.nextDouble();
                int base = (i * CHANNELS + c) * length;
                for (int t = 0; t < length; t++) {
                    double w1 = 2 * Math.PI * f1;
                    double w2 = 2 * Math.PI * f2;
                    accel[base + t] = (float) (Math.sin(w1 * t + p1) + a2 * Math.sin(w2 * t + p2));
                    gyro[base + t] =
                            (float) (Math.cos(w1 * t + p1) + a2 * Math.cos(w2 * t + p2) * 0.5);
                }
            }
        }
        return new WindowSet(CHANNELS, CHANNELS, length, accel, gyro, labels, subjects, starts);
    }

    /** A small, fast configuration: width 16, depth 2, embedding 8, batch 16, fixed τ 0.1. */
    static TrainingConfig.Builder smallConfig() {
        return TrainingConfig.builder()
                .width(16)
                .depth(2)
                .embeddingDim(8)
                .batchSize(16)
                .progressBar(false)
                .seed(7);
    }
}
