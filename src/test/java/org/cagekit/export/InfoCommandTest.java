package org.cagekit.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cagekit.cli.Main;
import org.cagekit.data.ModelCard;
import org.cagekit.model.CageModel;
import org.cagekit.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cagekit info} on files written by the exporter, and on files it cannot read. */
class InfoCommandTest {
    @TempDir Path dir;

    @Test
    void printsInputsOutputsAndSortedMetadata() throws Exception {
        ModelConfig config = ExportFixture.smallConfig();
        ModelCard card = ExportFixture.card(config, 128);
        Path file = dir.resolve("encoder.onnx");
        try (Model model = ExportFixture.randomModel(config, 128, 101)) {
            OnnxExporter.write(
                    new OnnxExporter(ExportOptions.defaults())
                            .toModel(
                                    (CageModel) model.getBlock(),
                                    card,
                                    Instant.parse("2026-05-06T07:08:09Z")),
                    file);
        }
        Run run = cagekit("info", file.toString());
        assertEquals(Main.OK, run.code, run.err);
        List<String> lines = run.out.lines().toList();
        // Three channels of 128 samples in; embedding size 6 per modality, 12 concatenated.
        assertEquals("file     " + file, lines.get(0));
        assertEquals(
                "graph    cagekit_encoder (domain org.cagekit, model version 1)", lines.get(2));
        assertEquals(
                List.of(
                        "inputs",
                        "  accel            float32  [N, 3, 128]",
                        "  gyro             float32  [N, 3, 128]",
                        "outputs",
                        "  accel_embedding  float32  [N, 6]",
                        "  gyro_embedding   float32  [N, 6]",
                        "  embedding        float32  [N, 12]",
                        "metadata"),
                lines.subList(3, 11));
        List<String> metadata = lines.subList(11, lines.size());
        assertEquals(metadata.stream().sorted().toList(), metadata);
        assertTrue(metadata.contains("  cagekit.export_time = 2026-05-06T07:08:09Z"), run.out);
        assertTrue(metadata.contains("  cagekit.class_names = 0=WALKING,1=SITTING,2=LYING"));
        assertTrue(metadata.contains("  normalised_in_graph = true"), run.out);
        assertTrue(
                metadata.contains(
                        "  cagekit.model_card = JSON, "
                                + card.toJson().length()
                                + " characters (--card prints it)"),
                run.out);

        Run json = cagekit("info", "--card", file.toString());
        assertEquals(Main.OK, json.code, json.err);
        assertEquals(card.toJson(), json.out.strip());
    }

    @Test
    void aMissingFileFailsWithOneLine() {
        Path missing = dir.resolve("missing.onnx");
        Run run = cagekit("info", missing.toString());
        assertEquals(Main.FAILURE, run.code);
        assertEquals(String.format(Locale.ROOT, "cagekit: %s: no such file%n", missing), run.err);
    }

    @Test
    void aFileThatIsNoModelFailsNamingIt() throws Exception {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "not a model");
        Run run = cagekit("info", text.toString());
        assertEquals(Main.FAILURE, run.code);
        assertTrue(
                run.err.startsWith("cagekit: " + text + " is not a model ONNX Runtime can open: "),
                run.err);
        assertEquals(1, run.err.lines().count(), run.err);
    }

    /** info must work where only ONNX Runtime is installed: nothing it uses reaches DJL. */
    @Test
    void infoNeverReachesDjl() {
        JavaClasses main =
                new ClassFileImporter()
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages("org.cagekit");
        ArchRule rule =
                noClasses()
                        .that()
                        .haveFullyQualifiedName("org.cagekit.cli.InfoCommand")
                        .should()
                        .transitivelyDependOnClassesThat()
                        .resideInAnyPackage("ai.djl..");
        rule.check(main);
        // The same rule does fail for the export command, which loads the DJL model.
        ArchRule export =
                noClasses()
                        .that()
                        .haveFullyQualifiedName("org.cagekit.cli.ExportCommand")
                        .should()
                        .transitivelyDependOnClassesThat()
                        .resideInAnyPackage("ai.djl..");
        assertFalse(export.evaluate(main).getFailureReport().isEmpty());
    }

    private record Run(int code, String out, String err) {}

    private static Run cagekit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
