package dev.cruddur.admin.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine could be lifted out as its own jar: it uses the JDK, Jackson and MVStore, and nothing of the app. */
class EngineDependenciesTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cruddur.admin.engine");

    @Test
    void engineUsesOnlyTheJdkJacksonAndMvstore() {
        classes().that().resideInAPackage("dev.cruddur.admin.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "dev.cruddur.admin.engine..",
                        "com.fasterxml.jackson..", "org.h2.mvstore..")
                .check(ENGINE);
    }

    @Test
    void storageAndExpressionsKnowNothingOfOperationsOrHttp() {
        noClasses().that().resideInAnyPackage("dev.cruddur.admin.engine.storage..", "dev.cruddur.admin.engine.expr..", "dev.cruddur.admin.engine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cruddur.admin.engine.ops..", "dev.cruddur.admin.engine.http..")
                .check(ENGINE);
    }
}
