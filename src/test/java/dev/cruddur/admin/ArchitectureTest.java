package dev.cruddur.admin;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of architecture.md: arrows point down only. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cruddur.admin");
    }

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("launcher").definedBy("dev.cruddur.admin")
                .layer("ui").definedBy("dev.cruddur.admin.ui..")
                .layer("cli").definedBy("dev.cruddur.admin.cli..")
                .layer("app").definedBy("dev.cruddur.admin.app..")
                .layer("store").definedBy("dev.cruddur.admin.store..")
                .layer("cache").definedBy("dev.cruddur.admin.cache..")
                .layer("time").definedBy("dev.cruddur.admin.time..")
                .layer("users").definedBy("dev.cruddur.admin.users..")
                .layer("domain").definedBy("dev.cruddur.admin.domain..")
                .layer("engine").definedBy("dev.cruddur.admin.engine..")
                .layer("cacheengine").definedBy("dev.cruddur.admin.cacheengine..")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("cache").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("time").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("users").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("store", "cache", "time", "users", "app", "ui", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("app", "cli", "launcher")
                .whereLayer("cacheengine").mayOnlyBeAccessedByLayers("cache", "app", "cli", "launcher")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoJavaFxNoAwsSdkNoMomento() {
        noClasses().that().resideInAPackage("dev.cruddur.admin.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon..", "momento..", "software.momento..")
                .check(classes);
    }

    @Test
    void onlyTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.cruddur.admin.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheStoreImportsTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("dev.cruddur.admin.store..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void onlyTheCacheImportsTheMomentoSdk() {
        noClasses().that().resideOutsideOfPackage("dev.cruddur.admin.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("momento..", "software.momento..")
                .check(classes);
    }

    @Test
    void onlyThePostgresPackageImportsJdbc() {
        noClasses().that().resideOutsideOfPackage("dev.cruddur.admin.users..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..")
                .check(classes);
    }

    @Test
    void theEnginesKnowNothingOfTheApp() {
        noClasses().that().resideInAPackage("dev.cruddur.admin.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cruddur.admin.domain..", "dev.cruddur.admin.store..",
                        "dev.cruddur.admin.app..", "dev.cruddur.admin.ui..", "dev.cruddur.admin.cli..", "dev.cruddur.admin.cache..",
                        "dev.cruddur.admin.time..", "dev.cruddur.admin.users..", "software.amazon.awssdk..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("dev.cruddur.admin.cacheengine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cruddur.admin.domain..", "dev.cruddur.admin.store..",
                        "dev.cruddur.admin.app..", "dev.cruddur.admin.ui..", "dev.cruddur.admin.cli..", "dev.cruddur.admin.cache",
                        "dev.cruddur.admin.engine..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The window's packages point down too: the window ({@code ui} itself: MainWindow, its view
     * model, the pane list) assembles the feature packages ({@code ui.conversations},
     * {@code ui.messages}, {@code ui.cache}, {@code ui.shell}, ...), and no feature package imports
     * the window or, through others, itself. A pane knows the window only as {@code shell.WindowSession}.
     */
    @Test
    void theUiFeaturePackagesAreFreeOfCycles() {
        SliceAssignment uiPackages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals("dev.cruddur.admin.ui")) return SliceIdentifier.of("ui (the window)");
                if (pkg.startsWith("dev.cruddur.admin.ui.")) {
                    return SliceIdentifier.of("ui." + pkg.substring("dev.cruddur.admin.ui.".length()).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the ui package and each of its feature packages";
            }
        };
        slices().assignedFrom(uiPackages).should().beFreeOfCycles().check(classes);
    }

    /** Where a page is read from is the app's decision: the conversation panes take their pages from app, never from the cache inspector. */
    @Test
    void theConversationPanesReadThroughTheAppNotTheCacheInspector() {
        noClasses().that().resideInAnyPackage("dev.cruddur.admin.ui.conversations..", "dev.cruddur.admin.ui.messages..")
                .should().dependOnClassesThat().resideInAPackage("dev.cruddur.admin.ui.cache..")
                .check(classes);
    }
}
