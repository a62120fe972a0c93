package org.cagekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tools/fetch-datasets.sh} against an HTTP server on 127.0.0.1 that serves small zips in the
 * layout of the official archives, made here.
 */
class FetchDatasetsScriptTest {
    private static final String LABELS = "1 1 5 2 4\n";
    private static final String ACC = TinyHapt.ramp(140, 0.001);
    private static final String GYRO = TinyHapt.ramp(140, 0.01);

    @TempDir Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> served = new LinkedHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the script");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = served.get(exchange.getRequestURI().getPath());
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A HAPT archive whose files sit in a top folder, as in the UCI download. */
    private static byte[] haptZip() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("HAPT Data Set/README.txt", ascii("tiny\n"));
        entries.put("HAPT Data Set/activity_labels.txt", ascii(TinyHapt.ACTIVITY_LABELS));
        entries.put("HAPT Data Set/RawData/labels.txt", ascii(LABELS));
        entries.put("HAPT Data Set/RawData/acc_exp01_user01.txt", ascii(ACC));
        entries.put("HAPT Data Set/RawData/gyro_exp01_user01.txt", ascii(GYRO));
        return zip(entries);
    }

    private Path checksums(Map<String, String> files) throws IOException {
        StringBuilder sb = new StringBuilder("# test list\n");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = tmp.resolve("digest-input");
            Files.writeString(f, e.getValue(), StandardCharsets.US_ASCII);
            sb.append(ReleaseChecksums.sha256(f)).append("  ").append(e.getKey()).append('\n');
        }
        Path list = tmp.resolve("checksums.txt");
        Files.writeString(list, sb);
        return list;
    }

    private Map<String, String> haptFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("hapt/README.txt", "tiny\n");
        files.put("hapt/activity_labels.txt", TinyHapt.ACTIVITY_LABELS);
        files.put("hapt/RawData/labels.txt", LABELS);
        files.put("hapt/RawData/acc_exp01_user01.txt", ACC);
        files.put("hapt/RawData/gyro_exp01_user01.txt", GYRO);
        return files;
    }

    private record Result(int code, String out, String err) {}

    private Result fetch(Path dest, Path checksums, String... extra) throws Exception {
        Path script =
                Path.of(
                        System.getProperty("cagekit.projectRoot", "."),
                        "tools",
                        "fetch-datasets.sh");
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                "/bin/bash",
                                script.toString(),
                                "--dest",
                                dest.toString(),
                                "--checksums",
                                checksums.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("CAGEKIT_DATA");
        pb.environment().put("CAGEKIT_HAPT_URL", url("/hapt.zip"));
        pb.environment().put("CAGEKIT_MHEALTH_URL", url("/mhealth.zip"));
        pb.redirectOutput(tmp.resolve("out.txt").toFile());
        pb.redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script did not finish in 120 s");
        return new Result(
                p.exitValue(),
                Files.readString(tmp.resolve("out.txt")),
                Files.readString(tmp.resolve("err.txt")));
    }

    private static boolean leftovers(Path dest) throws IOException {
        try (Stream<Path> s = Files.list(dest)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".fetch-"));
        }
    }

    @Test
    void downloadsUnpacksVerifiesAndInstallsHapt() throws Exception {
        served.put("/hapt.zip", haptZip());
        Path dest = tmp.resolve("data");
        Result r = fetch(dest, checksums(haptFiles()), "--dataset", "hapt");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hapt: 5 files verified (SHA-256)"), r.out());
        assertEquals(LABELS, Files.readString(dest.resolve("uci-hapt/RawData/labels.txt")));
        assertFalse(leftovers(dest));
        // The installed copy is where cagekit looks: 140 rows give one train window.
        PreparedData d =
                Preparer.prepare(
                        dest,
                        "hapt",
                        "hapt-13",
                        ProtocolOptions.defaults()
                                .trainUsers(List.of(1))
                                .valUsers(List.of())
                                .testUsers(List.of()),
                        WindowCache.disabled());
        // n = 140, length 128, stride 64: only start 0 (0 + 128 < 140; 64 + 128 is not).
        assertEquals(1, d.split(Split.TRAIN).size());
        Result again = fetch(dest, checksums(haptFiles()), "--dataset", "hapt");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("already exists"), again.out());
    }

    @Test
    void mismatchInstallsNothing() throws Exception {
        served.put("/hapt.zip", haptZip());
        Map<String, String> files = haptFiles();
        files.put("hapt/RawData/labels.txt", "1 1 5 2 5\n");
        Path dest = tmp.resolve("data");
        Result r = fetch(dest, checksums(files), "--dataset", "hapt");
        assertEquals(1, r.code(), r.out());
        assertTrue(
                r.err().contains("hapt: RawData/labels.txt differs from the official release"),
                r.err());
        assertTrue(r.err().contains("hapt: verification failed; nothing was installed"), r.err());
        assertFalse(Files.exists(dest.resolve("uci-hapt")));
        assertFalse(leftovers(dest));
    }

    @Test
    void failedDownloadIsReported() throws Exception {
        Path dest = tmp.resolve("data");
        Result r = fetch(dest, checksums(haptFiles()), "--dataset", "hapt");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("hapt: download of " + url("/hapt.zip") + " failed"), r.err());
        assertFalse(Files.exists(dest.resolve("uci-hapt")));
    }

    @Test
    void zipInsideAZipIsUnpackedForMhealth() throws Exception {
        String log =
                "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20"
                        + "\t21\t22\t23\t0\n";
        byte[] inner = zip(Map.of("MHEALTHDATASET/mHealth_subject1.log", ascii(log)));
        served.put("/mhealth.zip", zip(Map.of("mhealth+dataset.zip", inner)));
        Path dest = tmp.resolve("data");
        Result r =
                fetch(
                        dest,
                        checksums(Map.of("mhealth/mHealth_subject1.log", log)),
                        "--dataset",
                        "mhealth");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                log, Files.readString(dest.resolve("mhealth/MHEALTHDATASET/mHealth_subject1.log")));
        assertTrue(new MhealthDataset().isPresent(dest));
    }

    @Test
    void unknownDatasetIsAUsageError() throws Exception {
        Result r = fetch(tmp.resolve("data"), checksums(haptFiles()), "--dataset", "wisdm");
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("unknown dataset 'wisdm': known datasets are hapt, mhealth"),
                r.err());
    }
}
