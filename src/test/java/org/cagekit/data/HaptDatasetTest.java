package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HAPT reader on small folders in the original layout, good and bad. */
class HaptDatasetTest {
    private static final HaptDataset HAPT = new HaptDataset();

    @TempDir Path root;

    private List<Recording> read(TinyHapt hapt) {
        return HAPT.read(hapt.dir(), Set.of(1, 2));
    }

    private IllegalArgumentException failure(TinyHapt hapt) {
        return assertThrows(IllegalArgumentException.class, () -> read(hapt));
    }

    @Test
    void segmentsBecomePerSampleLabelsAndTheRestIsNull() {
        // Segment 3-5 (1-based, inclusive) covers 0-based samples 2, 3, 4.
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n1 1 7 7 8\n").experiment(1, 1, 10);
        Recording r = read(hapt).get(0);
        assertEquals("exp01_user01", r.name());
        assertEquals(1, r.subject());
        assertArrayEquals(new int[] {0, 0, 4, 4, 4, 0, 7, 7, 0, 0}, r.labels());
        // Row t of the acc file is 0.001t, 0.002t, -0.001t.
        assertEquals(0.009, r.accel()[0][9], 1e-15);
        assertEquals(-0.009, r.accel()[2][9], 1e-15);
        assertEquals(0.18, r.gyro()[1][9], 1e-15);
    }

    @Test
    void classNamesComeFromActivityLabelsWithNullFirst() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n");
        var names = HAPT.classNames(hapt.dir());
        assertEquals(13, names.size());
        assertEquals("null", names.get(0));
        assertEquals("WALKING", names.get(1));
        assertEquals("LIE_TO_STAND", names.get(12));
    }

    @Test
    void gzipCompressedFilesAreReadInPlaceOfPlainOnes() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n");
        hapt.write("RawData/acc_exp01_user01.txt.gz", TinyHapt.ramp(10, 0.001));
        hapt.write("RawData/gyro_exp01_user01.txt.gz", TinyHapt.ramp(10, 0.01));
        Recording r = read(hapt).get(0);
        assertEquals(10, r.length());
        assertEquals(0.009, r.accel()[0][9], 1e-15);
    }

    @Test
    void plainFileWinsOverACompressedCopyBesideIt() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        hapt.write("RawData/acc_exp01_user01.txt.gz", TinyHapt.ramp(7, 0.001));
        hapt.write("RawData/gyro_exp01_user01.txt.gz", TinyHapt.ramp(7, 0.01));
        List<Recording> r = read(hapt);
        assertEquals(1, r.size());
        assertEquals(10, r.get(0).length());
    }

    @Test
    void gyroFileWithoutAccelerometerPartnerIsNamed() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        hapt.write("RawData/gyro_exp02_user02.txt", TinyHapt.ramp(10, 1));
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/acc_exp02_user02.txt")
                        + ": file not found (the accelerometer partner of gyro_exp02_user02.txt)",
                e.getMessage());
    }

    @Test
    void onlyTheRequestedSubjectsAreRead() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        hapt.experiment(2, 3, 12);
        List<Recording> r = HAPT.read(hapt.dir(), Set.of(3));
        assertEquals(1, r.size());
        assertEquals("exp02_user03", r.get(0).name());
    }

    @Test
    void missingGyroFileIsNamed() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n");
        hapt.write("RawData/acc_exp01_user01.txt", TinyHapt.ramp(10, 1));
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/gyro_exp01_user01.txt")
                        + ": file not found (the gyroscope partner of acc_exp01_user01.txt)",
                e.getMessage());
    }

    @Test
    void missingLabelsFileIsNamed() throws Exception {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Files.delete(hapt.dir().resolve("RawData/labels.txt"));
        IllegalArgumentException e = failure(hapt);
        assertEquals(hapt.dir().resolve("RawData/labels.txt") + ": file not found", e.getMessage());
    }

    @Test
    void wrongFieldCountNamesFileAndLine() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Path acc = hapt.write("RawData/acc_exp01_user01.txt", "1 2 3\n4 5 6\n7 8\n");
        IllegalArgumentException e = failure(hapt);
        assertEquals(acc + " line 3: expected 3 fields, found 2", e.getMessage());
    }

    @Test
    void nonNumericTextNamesFileLineAndField() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Path gyro = hapt.write("RawData/gyro_exp01_user01.txt", "1 2 3\n4 x5 6\n");
        IllegalArgumentException e = failure(hapt);
        assertEquals(gyro + " line 2 field 2: found 'x5', which is not a number", e.getMessage());
    }

    @Test
    void nanIsRejectedInHapt() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Path acc = hapt.write("RawData/acc_exp01_user01.txt", "1 2 3\n4 NaN 6\n");
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                acc + " line 2 field 2: found NaN, which this format does not allow",
                e.getMessage());
    }

    @Test
    void infinityIsRejected() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Path acc = hapt.write("RawData/acc_exp01_user01.txt", "1 2 3\n\n4 5 -Infinity\n");
        IllegalArgumentException e = failure(hapt);
        // The blank second line is skipped but counted.
        assertEquals(
                acc + " line 3 field 3: found '-Infinity', but values must be finite",
                e.getMessage());
    }

    @Test
    void overflowingNumberIsRejected() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Path acc = hapt.write("RawData/acc_exp01_user01.txt", "1 2 1e999\n");
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                acc + " line 1 field 3: found '1e999', a value too large for a double",
                e.getMessage());
    }

    @Test
    void accAndGyroOfDifferentLengthsAreNamed() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n").experiment(1, 1, 10);
        Path acc = hapt.write("RawData/acc_exp01_user01.txt", TinyHapt.ramp(9, 1));
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                acc
                        + " has 9 rows but gyro_exp01_user01.txt has 10: accelerometer and"
                        + " gyroscope files must be equally long",
                e.getMessage());
    }

    @Test
    void segmentBeyondTheFileIsNamedWithItsLine() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3 5\n1 1 5 8 11\n").experiment(1, 1, 10);
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/labels.txt")
                        + " line 2: segment 8-11 ends after the last sample (10) of"
                        + " acc_exp01_user01.txt",
                e.getMessage());
    }

    @Test
    void overlappingSegmentsAreNamedWithBothLines() {
        TinyHapt hapt =
                TinyHapt.create(root, "1 1 4 3 5\n1 1 5 7 8\n1 1 6 5 6\n").experiment(1, 1, 10);
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/labels.txt")
                        + " line 3: segment 5-6 of experiment 1 overlaps segment 3-5 of line 1",
                e.getMessage());
    }

    @Test
    void segmentWithStartAfterEndIsRejected() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 5 3\n").experiment(1, 1, 10);
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/labels.txt")
                        + " line 1: segment 5-3 is not a range of 1-based sample indices"
                        + " (start >= 1, end >= start)",
                e.getMessage());
    }

    @Test
    void fractionalLabelFieldIsRejected() {
        TinyHapt hapt = TinyHapt.create(root, "1 1 4 3.5 5\n").experiment(1, 1, 10);
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/labels.txt")
                        + " line 1 field 4: expected a whole number, found 3.5",
                e.getMessage());
    }

    @Test
    void segmentOfAnotherUserIsRejected() {
        TinyHapt hapt = TinyHapt.create(root, "1 2 4 3 5\n").experiment(1, 1, 10);
        IllegalArgumentException e = failure(hapt);
        assertEquals(
                hapt.dir().resolve("RawData/labels.txt")
                        + " line 1: experiment 1 belongs to user 1 (acc_exp01_user01.txt),"
                        + " not user 2",
                e.getMessage());
    }

    @Test
    void locateExplainsWhereItLooked() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> HAPT.locate(root));
        assertEquals(
                "dataset hapt not found: no RawData/labels.txt in "
                        + root.resolve("uci-hapt")
                        + " or "
                        + root
                        + " (point --data-dir or CAGEKIT_DATA at the folder holding uci-hapt/;"
                        + " download from https://archive.ics.uci.edu/dataset/341)",
                e.getMessage());
    }
}
