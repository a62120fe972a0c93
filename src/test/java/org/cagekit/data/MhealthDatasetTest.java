package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mHealth reader and protocols on logs in the official format written here: 24 fields per row,
 * tab-separated (one log space-separated), label in field 24.
 */
class MhealthDatasetTest {
    @TempDir Path root;

    /**
     * A 300-row log: rows 0-99 label 0 (null), rows 100-299 label 1. Field k (1-based) of row t
     * holds {@code k + t / 1000}, so each column is a distinct ramp.
     */
    private static String log(int rows, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < rows; t++) {
            for (int k = 1; k <= 23; k++) {
                sb.append(String.format(Locale.ROOT, "%.3f", k + t / 1000.0)).append(separator);
            }
            sb.append(t < 100 ? 0 : 1).append('\n');
        }
        return sb.toString();
    }

    private Path write(String name, String content) throws IOException {
        Path file = root.resolve("mhealth").resolve("MHEALTHDATASET").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    private void writeThreeSubjects() throws IOException {
        write("mHealth_subject1.log", log(300, "\t"));
        write("mHealth_subject9.log", log(300, " "));
        Path gz =
                root.resolve("mhealth")
                        .resolve("MHEALTHDATASET")
                        .resolve("mHealth_subject10.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(log(300, "\t").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private PreparedData prepare(String protocol, ProtocolOptions options) {
        return Preparer.prepare(
                root,
                "mhealth",
                protocol,
                options.trainUsers(List.of(1)).valUsers(List.of(9)).testUsers(List.of(10)),
                WindowCache.disabled());
    }

    @Test
    void columnsFollowTheOfficialLayout() throws IOException {
        Path file = write("mHealth_subject1.log", log(300, "\t"));
        Recording r = MhealthDataset.readLog(file, 1);
        assertEquals(300, r.length());
        // Accelerometer = fields 6-8 and 15-17, gyroscope = 9-11 and 18-20; row 7 adds 0.007.
        assertEquals(6.007, r.accel()[0][7], 1e-12);
        assertEquals(8.007, r.accel()[2][7], 1e-12);
        assertEquals(15.007, r.accel()[3][7], 1e-12);
        assertEquals(17.007, r.accel()[5][7], 1e-12);
        assertEquals(9.007, r.gyro()[0][7], 1e-12);
        assertEquals(18.007, r.gyro()[3][7], 1e-12);
        assertEquals(20.007, r.gyro()[5][7], 1e-12);
        assertEquals(0, r.labels()[99]);
        assertEquals(1, r.labels()[100]);
    }

    /**
     * Windows of 128 start while start + 128 < 300, i.e. start <= 171. Train stride 64: starts 0,
     * 64, 128. Validation/test stride 128: starts 0, 128. The "after" rule reads samples 128, 192,
     * 256 (train) and 128, 256 (val/test): all are at index >= 100, so every window is class 1.
     */
    @Test
    void threeHundredRowFixtureGivesTheDocumentedWindows() throws IOException {
        writeThreeSubjects();
        PreparedData d = prepare("mhealth-13", ProtocolOptions.defaults());
        assertArrayEquals(new int[] {0, 64, 128}, d.split(Split.TRAIN).starts());
        assertArrayEquals(new int[] {1, 1, 1}, d.split(Split.TRAIN).labels());
        assertArrayEquals(new int[] {0, 128}, d.split(Split.VALIDATION).starts());
        assertArrayEquals(new int[] {1, 1}, d.split(Split.VALIDATION).labels());
        assertArrayEquals(new int[] {0, 128}, d.split(Split.TEST).starts());
        assertArrayEquals(new int[] {10, 10}, d.split(Split.TEST).subjects());
        assertEquals(13, d.classNames().size());
        assertEquals(
                List.of(
                        "ankle_acc_x",
                        "ankle_acc_y",
                        "ankle_acc_z",
                        "arm_acc_x",
                        "arm_acc_y",
                        "arm_acc_z"),
                d.accelChannels());
        // mhealth-12 drops null, but no window here is null: the same three train windows.
        PreparedData d12 = prepare("mhealth-12", ProtocolOptions.defaults());
        assertArrayEquals(new int[] {0, 64, 128}, d12.split(Split.TRAIN).starts());
        assertEquals(12, d12.classNames().size());
    }

    /**
     * The other rules on the train windows 0-127, 64-191, 128-255 (null ends at sample 99): window
     * 0 holds 100 null and 28 class-1 samples, window 64 holds 36 null and 92 class-1, window 128
     * is all class 1.
     */
    @Test
    void labelRulesOnTheFixture() throws IOException {
        writeThreeSubjects();
        PreparedData majority =
                prepare("mhealth-13", ProtocolOptions.defaults().labelRule(LabelRule.MAJORITY));
        assertArrayEquals(new int[] {0, 1, 1}, majority.split(Split.TRAIN).labels());
        PreparedData last =
                prepare("mhealth-13", ProtocolOptions.defaults().labelRule(LabelRule.LAST));
        // Samples 127, 191, 255 are all class 1.
        assertArrayEquals(new int[] {1, 1, 1}, last.split(Split.TRAIN).labels());
        PreparedData pure =
                prepare("mhealth-13", ProtocolOptions.defaults().labelRule(LabelRule.PURE));
        assertArrayEquals(new int[] {128}, pure.split(Split.TRAIN).starts());
        // mhealth-12 with majority drops the null-majority window 0.
        PreparedData majority12 =
                prepare("mhealth-12", ProtocolOptions.defaults().labelRule(LabelRule.MAJORITY));
        assertArrayEquals(new int[] {64, 128}, majority12.split(Split.TRAIN).starts());
    }

    @Test
    void nanIsInterpolatedLinearlyAlongTime() throws IOException {
        // Field 6 (first accelerometer channel) of rows 1-3 is NaN between 6.000 and 6.004.
        String[] rows = log(6, "\t").split("\n");
        for (int t = 1; t <= 3; t++) {
            rows[t] = rows[t].replaceFirst("6\\.00" + t, "NaN");
        }
        Path file = write("mHealth_subject1.log", String.join("\n", rows) + "\n");
        Recording r = MhealthDataset.readLog(file, 1);
        // Linear between 6.000 (row 0) and 6.004 (row 4): 6.001, 6.002, 6.003.
        assertArrayEquals(
                new double[] {6.000, 6.001, 6.002, 6.003, 6.004, 6.005}, r.accel()[0], 1e-12);
    }

    @Test
    void nanAtTheEndsTakesTheNearestValue() {
        double[] x = {Double.NaN, Double.NaN, 3, Double.NaN, 5, Double.NaN};
        MhealthDataset.interpolateNaN(x, Path.of("f.log"), 6);
        assertArrayEquals(new double[] {3, 3, 3, 4, 5, 5}, x, 0.0);
    }

    @Test
    void allNaNColumnIsAnError() {
        double[] x = {Double.NaN, Double.NaN};
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MhealthDataset.interpolateNaN(x, Path.of("f.log"), 9));
        assertEquals("f.log column 9: every value is NaN, nothing to interpolate", e.getMessage());
    }

    @Test
    void nanLabelIsRejectedWithFileAndLine() throws IOException {
        String[] rows = log(4, "\t").split("\n");
        rows[2] = rows[2].substring(0, rows[2].lastIndexOf('\t') + 1) + "NaN";
        Path file = write("mHealth_subject1.log", String.join("\n", rows) + "\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MhealthDataset.readLog(file, 1));
        assertEquals(file + " line 3 field 24: expected a label 0-12, found NaN", e.getMessage());
    }

    @Test
    void wrongFieldCountIsRejectedWithFileAndLine() throws IOException {
        Path file = write("mHealth_subject1.log", log(3, "\t") + "1\t2\t3\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MhealthDataset.readLog(file, 1));
        assertEquals(file + " line 4: expected 24 fields, found 3", e.getMessage());
    }

    @Test
    void missingSubjectLogIsNamed() throws IOException {
        write("mHealth_subject1.log", log(300, "\t"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> prepare("mhealth-13", ProtocolOptions.defaults()));
        assertEquals(
                root.resolve("mhealth/MHEALTHDATASET/mHealth_subject9.log") + ": file not found",
                e.getMessage());
    }
}
