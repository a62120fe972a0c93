package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolOptionsTest {
    private static ProtocolSettings hapt13(ProtocolOptions o) {
        return o.resolve(Protocol.byName("hapt-13"), new HaptDataset());
    }

    @Test
    void hapt13DefaultsAreListedInAFixedOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("filter.order", "3");
        expected.put("filter.cutoff_hz", "20");
        expected.put("window.length", "128");
        expected.put("window.stride.train", "64");
        expected.put("window.stride.eval", "128");
        expected.put("label.rule", "after");
        expected.put("classes", "0,1,2,3,4,5,6,7,8,9,10,11,12");
        // The 30 users minus the 9 test and 3 validation users: 18 train users.
        expected.put("users.train", "1,3,5,6,7,8,11,14,15,16,17,19,21,22,23,25,26,27");
        expected.put("users.val", "28,29,30");
        expected.put("users.test", "2,4,9,10,12,13,18,20,24");
        expected.put("standardise", "true");
        Map<String, String> actual = hapt13(ProtocolOptions.defaults()).parameters();
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()));
    }

    @Test
    void fromParametersRebuildsTheSameSettings() {
        ProtocolOptions o =
                ProtocolOptions.defaults()
                        .cutoffHz(12.5)
                        .trainUsers(List.of(3, 1))
                        .valUsers(List.of(28))
                        .testUsers(List.of(2))
                        .labelRule(LabelRule.MAJORITY)
                        .standardise(false);
        Map<String, String> p = hapt13(o).parameters();
        assertEquals("12.5", p.get("filter.cutoff_hz"));
        assertEquals("1,3", p.get("users.train"));
        assertEquals(p, hapt13(ProtocolOptions.fromParameters(p)).parameters());
    }

    @Test
    void unknownParameterIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ProtocolOptions.fromParameters(Map.of("window.size", "128")));
        assertEquals(
                "unknown protocol parameter 'window.size': known parameters are filter.order,"
                        + " filter.cutoff_hz, window.length, window.stride.train,"
                        + " window.stride.eval, label.rule, classes, users.train, users.val,"
                        + " users.test, standardise",
                e.getMessage());
    }

    @Test
    void overlappingSplitsAreRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> hapt13(ProtocolOptions.defaults().trainUsers(List.of(1, 2))));
        assertEquals(
                "user 2 is in both the train and the test split; splits must be"
                        + " subject-disjoint",
                e.getMessage());
    }

    @Test
    void unknownUserIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> hapt13(ProtocolOptions.defaults().testUsers(List.of(31))));
        assertEquals("test user 31 is not a subject of hapt (subjects 1-30)", e.getMessage());
    }

    @Test
    void idListsAcceptRanges() {
        assertEquals(List.of(1, 3, 5, 6, 7), ProtocolOptions.parseIds("1, 3,5-7"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProtocolOptions.parseIds("1,x"));
        assertEquals("'x' in '1,x' is not a whole number or a range such as 5-8", e.getMessage());
    }

    @Test
    void protocolOfAnotherDatasetIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Preparer.settings("mhealth", "hapt-13", ProtocolOptions.defaults()));
        assertEquals("protocol hapt-13 is for dataset hapt, not mhealth", e.getMessage());
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertEquals(
                "unknown dataset 'wisdm': known datasets are hapt, mhealth",
                assertThrows(IllegalArgumentException.class, () -> Datasets.byName("wisdm"))
                        .getMessage());
        assertEquals(
                "unknown protocol 'hapt-12': known protocols are hapt-13, hapt-6, mhealth-13,"
                        + " mhealth-12",
                assertThrows(IllegalArgumentException.class, () -> Protocol.byName("hapt-12"))
                        .getMessage());
    }
}
