package org.cagekit.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LossSpecTest {
    @Test
    void settingsListOnlyWhatTheLossUsesAndReadBack() {
        LossSpec ntxent = LossSpec.defaults();
        assertEquals(
                "{loss=ntxent, temperature=learnable, tau=0.07, direction=symmetric, form=clip}",
                ntxent.settings().toString());
        LossSpec combined =
                LossSpec.builder()
                        .loss("ntxent+triplet")
                        .temperature(LossSpec.Temperature.SCHEDULED)
                        .warmupEpochs(2)
                        .mining(LossSpec.Mining.BATCH_ALL)
                        .distance(LossSpec.Distance.SQUARED_EUCLIDEAN)
                        .negatives(LossSpec.Negatives.ALL)
                        .tripletWeight(0.5f)
                        .build();
        Map<String, String> s = combined.settings();
        assertEquals("scheduled", s.get("temperature"));
        assertEquals("0.2", s.get("tauMax"));
        assertEquals("2", s.get("warmupEpochs"));
        assertEquals("batch-all", s.get("mining"));
        assertEquals("squared-euclidean", s.get("distance"));
        assertEquals("all", s.get("negatives"));
        assertEquals("0.5", s.get("tripletWeight"));
        assertTrue(!s.containsKey("tau"));
        assertEquals(combined, LossSpec.fromSettings(s));
        assertEquals(ntxent, LossSpec.fromSettings(ntxent.settings()));
    }

    @Test
    void badValuesNameTheSettingAndTheChoices() {
        IllegalArgumentException loss =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LossSpec.builder().loss("infonce").build());
        assertEquals(
                "unknown loss 'infonce': expected ntxent, triplet or ntxent+triplet",
                loss.getMessage());
        IllegalArgumentException mining =
                assertThrows(IllegalArgumentException.class, () -> LossSpec.Mining.parse("easy"));
        assertEquals(
                "unknown mining 'easy': expected one of random, hard, semi-hard, batch-all",
                mining.getMessage());
        IllegalArgumentException tau =
                assertThrows(
                        IllegalArgumentException.class, () -> LossSpec.builder().tau(0).build());
        assertEquals("tau must be a positive finite number, found 0.0", tau.getMessage());
        IllegalArgumentException order =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LossSpec.builder().tauMin(0.5f).tauMax(0.1f).build());
        assertEquals("tauMin 0.5 must not exceed tauMax 0.1", order.getMessage());
        IllegalArgumentException key =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LossSpec.fromSettings(Map.of("temperatur", "fixed")));
        assertEquals("loss setting 'temperatur' is not known", key.getMessage());
    }

    @Test
    void enumNamesParseInAnyCaseWithDashes() {
        assertEquals(LossSpec.Direction.ONE_WAY, LossSpec.Direction.parse("One-Way"));
        assertEquals(LossSpec.Mining.SEMI_HARD, LossSpec.Mining.parse("semi-hard"));
        assertEquals(LossSpec.Form.SIMCLR, LossSpec.Form.parse(" SimCLR "));
        assertEquals("one-way", LossSpec.Direction.ONE_WAY.label());
    }
}
