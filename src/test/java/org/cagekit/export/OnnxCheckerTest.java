package org.cagekit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the official ONNX checker ({@code tools/check_onnx.py}, python3-onnx) on exported files.
 * Skipped, visibly, where no python3 on the machine can import {@code onnx}, and per opset where
 * the installed onnx package predates that opset.
 */
class OnnxCheckerTest {
    private static String python;
    private static int newestOpset;

    @TempDir Path dir;

    @BeforeAll
    static void findPython() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Run run =
                        run(
                                candidate,
                                "-c",
                                "import onnx, onnx.defs; print(onnx.defs.onnx_opset_version())");
                if (run.code == 0) {
                    python = candidate;
                    newestOpset = Integer.parseInt(run.stdout.trim());
                    return;
                }
            } catch (IOException e) {
                // Not on this machine; try the next one.
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 17, 18, 21})
    void officialCheckerAcceptsTheExport(int opset) throws Exception {
        Assumptions.assumeTrue(
                python != null, "no python3 with the onnx package (python3-onnx) on this machine");
        Assumptions.assumeTrue(
                opset <= newestOpset,
                "the installed onnx package knows opsets up to " + newestOpset + " only");
        ModelConfig config = ExportFixture.smallConfig();
        Path file = dir.resolve("checked.onnx");
        try (Model model = ExportFixture.randomModel(config, 128, 91)) {
            OnnxExporter.write(
                    new OnnxExporter(new ExportOptions(opset, true))
                            .toModel(
                                    (CageModel) model.getBlock(),
                                    ExportFixture.card(config, 128),
                                    Instant.now()),
                    file);
        }
        Path script = projectRoot().resolve("tools/check_onnx.py");
        Run run = run(python, script.toString(), file.toString());
        assertEquals(0, run.code, run.stderr);
        long ir = new ExportOptions(opset, true).irVersion();
        assertEquals(
                file
                        + ": ok ir="
                        + ir
                        + " opset="
                        + opset
                        + " inputs=accel[N,3,128] gyro[N,3,128]"
                        + " outputs=accel_embedding[N,6] gyro_embedding[N,6] embedding[N,12]",
                run.stdout.trim());
    }

    @org.junit.jupiter.api.Test
    void officialCheckerRejectsABrokenFile() throws Exception {
        Assumptions.assumeTrue(
                python != null, "no python3 with the onnx package (python3-onnx) on this machine");
        Path file = dir.resolve("broken.onnx");
        Files.write(file, new byte[] {0x08, 0x07, 0x3a, 0x7f});
        Run run =
                run(
                        python,
                        projectRoot().resolve("tools/check_onnx.py").toString(),
                        file.toString());
        assertEquals(1, run.code);
        assertTrue(run.stderr.startsWith(file + ": "), run.stderr);
    }

    private static Path projectRoot() {
        String root = System.getProperty("cagekit.projectRoot");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    }

    private record Run(int code, String stdout, String stderr) {}

    private static Run run(String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(argv).start();
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + argv);
            }
            return new Run(
                    process.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + argv, e);
        }
    }
}
