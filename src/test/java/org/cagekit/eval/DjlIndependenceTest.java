package org.cagekit.eval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation side runs where DJL is absent: no class of the eval and report packages, nor the
 * embed and evaluate commands, depends on DJL, directly or through anything they use.
 */
class DjlIndependenceTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main =
                new ClassFileImporter()
                        // Builds go to target-NAME folders, which the predefined test filter
                        // does not recognise.
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages("org.cagekit");
    }

    @Test
    void evalAndReportNeverReachDjl() {
        ArchRule rule =
                noClasses()
                        .that()
                        .resideInAnyPackage("org.cagekit.eval..", "org.cagekit.report..")
                        .should()
                        .transitivelyDependOnClassesThat()
                        .resideInAnyPackage("ai.djl..");
        rule.check(main);
    }

    @Test
    void commandsOfTheEvaluationSideNeverReachDjl() {
        ArchRule rule =
                noClasses()
                        .that()
                        .haveFullyQualifiedName("org.cagekit.cli.EmbedCommand")
                        .or()
                        .haveFullyQualifiedName("org.cagekit.cli.EvaluateCommand")
                        .or()
                        .haveFullyQualifiedName("org.cagekit.cli.ModelDataOptions")
                        .should()
                        .transitivelyDependOnClassesThat()
                        .resideInAnyPackage("ai.djl..");
        rule.check(main);
    }

    @Test
    void evalUsesOnlyOnnxRuntimeCommonsCsvAndTheDataPackage() {
        ArchRule rule =
                classes()
                        .that()
                        .resideInAPackage("org.cagekit.eval..")
                        .should()
                        .onlyDependOnClassesThat()
                        .resideInAnyPackage(
                                "java..",
                                "ai.onnxruntime..",
                                "org.apache.commons.csv..",
                                "org.cagekit.data..",
                                "org.cagekit.eval..",
                                "org.slf4j..");
        rule.check(main);
    }

    /** The importer sees DJL dependencies where they exist, so the rules above can fail. */
    @Test
    void rulesCanSeeDjl() {
        assertTrue(main.contain(OnnxEncoder.class));
        ArchRule modelIsFree =
                noClasses()
                        .that()
                        .resideInAPackage("org.cagekit.model..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("ai.djl..");
        assertFalse(modelIsFree.evaluate(main).getFailureReport().isEmpty());
    }
}
