package org.cagekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cagekit.data.HaptDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareCommandTest {
    @TempDir Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path realData() {
        String env = System.getenv("CAGEKIT_DATA");
        Assumptions.assumeTrue(
                env != null && new HaptDataset().isPresent(Path.of(env)),
                "CAGEKIT_DATA does not point at a folder holding uci-hapt/");
        return Path.of(env);
    }

    /**
     * Users 1 (train), 28 (validation) and 2 (test) of the real data. Window counts, from the row
     * counts of the experiments and ceil((n - 128) / stride):
     *
     * <ul>
     *   <li>train, stride 64: exp01 20598 rows gives 320, exp02 19286 gives 300: 620;
     *   <li>val, stride 128: exp56 20556 gives 160, exp57 18836 gives 147: 307;
     *   <li>test, stride 128: exp03 18026 gives 140, exp04 16565 gives 129: 269.
     * </ul>
     */
    @Test
    void printsTheSplitTableForAFewUsers() {
        Path data = realData();
        Run r =
                run(
                        "prepare",
                        "--data-dir",
                        data.toString(),
                        "--dataset",
                        "hapt",
                        "--protocol",
                        "hapt-13",
                        "--train-users",
                        "1",
                        "--val-users",
                        "28",
                        "--test-users",
                        "2",
                        "--no-cache");
        assertEquals(Main.OK, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("split  class  name                windows", lines[0]);
        // 13 classes + a total per split, after the header.
        assertEquals(1 + 3 * 14, lines.length);
        assertTrue(r.out().contains("train  total                          620\n"), r.out());
        assertTrue(r.out().contains("val    total                          307\n"), r.out());
        assertTrue(r.out().contains("test   total                          269\n"), r.out());
        assertTrue(r.out().contains("train  0      null"), r.out());
    }

    @Test
    void unknownProtocolIsAUsageErrorListingTheKnownNames() {
        Run r = run("prepare", "--data-dir", tmp.toString(), "--protocol", "hapt-14");
        assertEquals(Main.USAGE, r.code());
        assertTrue(
                r.err()
                        .startsWith(
                                "cagekit: unknown protocol 'hapt-14': known protocols are"
                                        + " hapt-13, hapt-6, mhealth-13, mhealth-12\n"),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownDatasetIsAUsageError() {
        Run r = run("prepare", "--data-dir", tmp.toString(), "--dataset", "wisdm");
        assertEquals(Main.USAGE, r.code());
        assertTrue(
                r.err()
                        .startsWith(
                                "cagekit: unknown dataset 'wisdm': known datasets are hapt,"
                                        + " mhealth\n"),
                r.err());
    }

    @Test
    void badUserListIsAUsageError() {
        Run r = run("prepare", "--data-dir", tmp.toString(), "--test-users", "2,b");
        assertEquals(Main.USAGE, r.code());
        assertTrue(
                r.err().startsWith("cagekit: --test-users: 'b' in '2,b' is not a whole number"),
                r.err());
    }

    @Test
    void unknownLabelRuleAndMismatchedDatasetAreUsageErrors() {
        Run rule = run("prepare", "--data-dir", tmp.toString(), "--label-rule", "middle");
        assertEquals(Main.USAGE, rule.code());
        assertTrue(
                rule.err()
                        .startsWith(
                                "cagekit: unknown label rule 'middle': known rules are after,"
                                        + " last, majority, pure\n"),
                rule.err());
        Run mismatch =
                run(
                        "prepare",
                        "--data-dir",
                        tmp.toString(),
                        "--dataset",
                        "mhealth",
                        "--protocol",
                        "hapt-13");
        assertEquals(Main.USAGE, mismatch.code());
        assertTrue(
                mismatch.err()
                        .startsWith("cagekit: protocol hapt-13 is for dataset hapt, not mhealth\n"),
                mismatch.err());
    }

    @Test
    void malformedDataIsAFailureNamingFileAndLine() throws Exception {
        Path raw = tmp.resolve("uci-hapt").resolve("RawData");
        Files.createDirectories(raw);
        Files.writeString(tmp.resolve("uci-hapt").resolve("activity_labels.txt"), "1 WALKING\n");
        Files.writeString(raw.resolve("labels.txt"), "1 1 1 1 5\n");
        Files.writeString(raw.resolve("acc_exp01_user01.txt"), "1 2 3\n1 2\n");
        Files.writeString(raw.resolve("gyro_exp01_user01.txt"), "1 2 3\n1 2 3\n");
        Run r =
                run(
                        "prepare",
                        "--data-dir",
                        tmp.toString(),
                        "--train-users",
                        "1",
                        "--val-users",
                        "",
                        "--test-users",
                        "",
                        "--classes",
                        "0,1",
                        "--no-cache");
        assertEquals(Main.FAILURE, r.code(), r.err());
        assertEquals(
                "cagekit: "
                        + raw.resolve("acc_exp01_user01.txt")
                        + " line 2: expected 3 fields,"
                        + " found 2\n",
                r.err());
    }

    @Test
    void missingDatasetIsAFailureSayingWhereItLooked() {
        Run r = run("prepare", "--data-dir", tmp.toString(), "--no-cache");
        assertEquals(Main.FAILURE, r.code());
        assertTrue(
                r.err()
                        .startsWith(
                                "cagekit: dataset hapt not found: no RawData/labels.txt in "
                                        + tmp.resolve("uci-hapt")),
                r.err());
    }
}
