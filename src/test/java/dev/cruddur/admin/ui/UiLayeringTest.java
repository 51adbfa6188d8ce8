package dev.cruddur.admin.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ui's side of the layering rules (architecture.md): JavaFX only in ui, the AWS SDK never in ui or app.connect. */
class UiLayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cruddur.admin");

    @Test
    void onlyUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.cruddur.admin.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
                .check(MAIN);
    }

    @Test
    void uiNeverCallsTheSdk() {
        noClasses().that().resideInAnyPackage("dev.cruddur.admin.ui..", "dev.cruddur.admin.app.connect..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .check(MAIN);
    }

    @Test
    void uiUsesOneDoorForTheFxThread() {
        noClasses().that().resideInAPackage("dev.cruddur.admin.ui..")
                .and().doNotHaveFullyQualifiedName("dev.cruddur.admin.ui.common.BackgroundTasks")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(MAIN);
    }
}
