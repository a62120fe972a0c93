package org.cagekit.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CombinedLossTest {

    private static LossSpec combined(float ntxentWeight, float tripletWeight) {
        return LossSpec.builder()
                .loss(LossSpec.COMBINED)
                .temperature(LossSpec.Temperature.FIXED)
                .tau(0.1f)
                .mining(LossSpec.Mining.SEMI_HARD)
                .ntxentWeight(ntxentWeight)
                .tripletWeight(tripletWeight)
                .build();
    }

    @Test
    void identicalWindowsGiveTheWeightedSumOfTheWorkedTerms() {
        // Eight identical windows: NT-Xent is ln 8 = 2.079442 for any τ, the triplet term is the
        // margin 0.2, so 0.5 · 2.079442 + 2 · 0.2 = 1.439721.
        float[][] accel = new float[8][];
        float[][] gyro = new float[8][];
        for (int i = 0; i < 8; i++) {
            accel[i] = new float[] {0.5f, -0.5f, 1f};
            gyro[i] = new float[] {2f, 0.1f, 0.3f};
        }
        LossRun run =
                LossRun.of(new CombinedLoss(combined(0.5f, 2f), 1L), accel, gyro, new long[8]);
        assertEquals(1.439721, run.value(), 1e-5);
        assertEquals(2.079442f, run.diagnostics().get("ntxent"), 1e-5f);
        assertEquals(0.2f, run.diagnostics().get("triplet"), 1e-6f);
        assertEquals(1f, run.diagnostics().get("collapsed"));
        assertEquals(8f, run.diagnostics().get("fallbacks"));
        assertEquals(0.1f, run.diagnostics().get("temperature"), 1e-7f);
    }

    @Test
    void valueAndGradientAreTheWeightedSumsOfTheTermsComputedAlone() {
        Random random = new Random(31);
        float[][] accel = new float[12][6];
        float[][] gyro = new float[12][6];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 6; j++) {
                accel[i][j] = (float) random.nextGaussian();
                gyro[i][j] = (float) random.nextGaussian();
            }
        }
        long[] classes = new long[12];
        LossSpec spec = combined(0.7f, 1.3f);
        LossRun both = LossRun.of(new CombinedLoss(spec, 4L), accel, gyro, classes);
        LossRun ntxent = LossRun.of(new NtXentLoss(spec), accel, gyro, classes);
        LossRun triplet = LossRun.of(new TripletLoss(spec, 4L), accel, gyro, classes);
        assertTrue(ntxent.value() > 0 && triplet.value() > 0);
        assertEquals(0.7 * ntxent.value() + 1.3 * triplet.value(), both.value(), 1e-5);
        assertEquals((float) ntxent.value(), both.diagnostics().get("ntxent"), 1e-6f);
        assertEquals((float) triplet.value(), both.diagnostics().get("triplet"), 1e-6f);
        assertEquals(
                triplet.diagnostics().get("validTriplets"),
                both.diagnostics().get("validTriplets"));
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(
                        0.7 * ntxent.accelGradient()[i][j] + 1.3 * triplet.accelGradient()[i][j],
                        both.accelGradient()[i][j],
                        1e-5);
                assertEquals(
                        0.7 * ntxent.gyroGradient()[i][j] + 1.3 * triplet.gyroGradient()[i][j],
                        both.gyroGradient()[i][j],
                        1e-5);
            }
        }
    }

    @Test
    void aZeroWeightSwitchesATermOffButKeepsItsDiagnostic() {
        Random random = new Random(5);
        float[][] accel = new float[6][3];
        float[][] gyro = new float[6][3];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                accel[i][j] = (float) random.nextGaussian();
                gyro[i][j] = (float) random.nextGaussian();
            }
        }
        LossSpec spec = combined(0f, 1f);
        LossRun only = LossRun.of(new CombinedLoss(spec, 2L), accel, gyro, new long[6]);
        LossRun triplet = LossRun.of(new TripletLoss(spec, 2L), accel, gyro, new long[6]);
        assertEquals(triplet.value(), only.value(), 1e-6);
        assertTrue(only.diagnostics().get("ntxent") > 0f);
    }

    @Test
    void epochsReachBothTerms() {
        LossSpec spec =
                combined(1f, 1f).toBuilder()
                        .temperature(LossSpec.Temperature.SCHEDULED)
                        .tauMax(0.2f)
                        .tauMin(0.05f)
                        .build();
        CombinedLoss loss = new CombinedLoss(spec, 0L);
        loss.beginEpoch(4, 5);
        // The last epoch of a cosine schedule without warm-up is at τmin.
        assertEquals(0.05f, loss.ntxent().temperature(), 1e-7f);
        float[][] same = {{1, 0}, {0, 1}, {1, 1}};
        LossRun run = LossRun.of(loss, same, same, new long[3]);
        assertEquals(0.05f, run.diagnostics().get("temperature"), 1e-7f);
    }
}
