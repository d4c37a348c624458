package io.tasker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep the code base easy to change: packages depend on each other in one direction only, the SPI
 * users compile against knows nothing of the engine, and the JAX-RS, JMS and JDBC APIs are used only by their
 * adapters. It reads the classes of every module of the application (this one's, the engine's and the SPI's).
 */
@AnalyzeClasses(packages = "io.tasker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesDependOnEachOtherWithoutCycles = slices().matching("io.tasker.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theSpiDependsOnTheJdkAlone = classes().that().resideInAPackage("io.tasker.api")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tasker.api", "java..");

    // The HTTP step handler adds JSON-B, which every Jakarta EE server provides.
    @ArchTest
    static final ArchRule theHttpStepHandlerAddsJsonBindingAlone = classes().that()
            .resideInAPackage("io.tasker.api.http")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.tasker.api..", "java..", "jakarta.json.bind..");

    @ArchTest
    static final ArchRule jaxRsIsUsedByTheRestAdapterAlone = noClasses()
            .that().resideOutsideOfPackage("io.tasker.rest..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..");

    @ArchTest
    static final ArchRule jmsIsUsedByTheJmsAdapterAlone = noClasses()
            .that().resideOutsideOfPackage("io.tasker.infrastructure.jms..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.jms..");

    @ArchTest
    static final ArchRule jdbcIsUsedByThePersistenceAdapterAlone = noClasses()
            .that().resideOutsideOfPackage("io.tasker.infrastructure.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");
}
