package org.dudao;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stages' layering (issue 16): the facts at the bottom, loading, rules and reports above them,
 * the API over those, and the shells (command line, batch, console) on top, with nothing leaning on
 * the command line.
 */
class LayeringTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dudao");
    }

    @Test
    void the_import_sees_every_stage() {
        // a rule over an empty import passes whatever the code does
        for (String stage : new String[]{"model", "load", "engine", "report", "api", "cli", "batch", "serve"}) {
            assertThat(main.stream().anyMatch(c -> c.getPackageName().equals("org.dudao." + stage))).as(stage).isTrue();
        }
    }

    @Test
    void the_model_depends_on_nothing_of_ours_nor_on_jackson() {
        check(noClasses().that().resideInAPackage("org.dudao.model..").should().dependOnClassesThat(
                resideInAPackage("org.dudao..").and(not(resideInAPackage("org.dudao.model..")))
                        .or(resideInAPackage("com.fasterxml.jackson.."))));
    }

    @Test
    void loading_rules_and_reports_know_no_shell() {
        check(noClasses().that().resideInAnyPackage("org.dudao.load..", "org.dudao.engine..", "org.dudao.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dudao.cli..", "org.dudao.batch..", "org.dudao.serve.."));
    }

    @Test
    void nothing_depends_on_the_command_line() {
        check(noClasses().that().resideOutsideOfPackage("org.dudao.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.dudao.cli.."));
    }

    @Test
    void the_api_depends_on_no_shell() {
        check(noClasses().that().resideInAPackage("org.dudao.api..")
                .should().dependOnClassesThat(resideInAnyPackage("org.dudao.cli..", "org.dudao.batch..", "org.dudao.serve..")));
    }

    @Test
    void every_package_but_the_api_says_whether_it_is_internal() throws IOException {
        try (Stream<Path> packages = Files.list(Path.of("src/main/java/org/dudao"))) {
            for (Path p : packages.filter(Files::isDirectory).toList()) {
                Path info = p.resolve("package-info.java");
                assertThat(info).as("package-info of %s", p.getFileName()).exists();
                if (!p.getFileName().toString().equals("api")) assertThat(Files.readString(info)).as(info.toString()).containsIgnoringCase("internal");
            }
        }
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }
}
