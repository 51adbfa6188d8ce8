package dev.cruddur.admin.cacheengine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The embedded cache could be lifted out as its own jar; only the cache package speaks Momento's SDK. */
class CacheEngineArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cruddur.admin");

    @Test
    void cacheEngineDependsOnTheJdkGrpcAndMomentosProtocolOnly() {
        classes().that().resideInAPackage("dev.cruddur.admin.cacheengine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.cruddur.admin.cacheengine..", "java..", "io.grpc..", "com.google.protobuf..",
                        "grpc.cache_client..", "grpc.control_client..", "grpc.common..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheCachePackageUsesTheMomentoSdk() {
        noClasses().that().resideOutsideOfPackage("dev.cruddur.admin.cache")
                .should().dependOnClassesThat().resideInAPackage("momento.sdk..")
                .check(PRODUCTION);
    }
}
