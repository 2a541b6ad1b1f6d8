package io.jenkins.plugins.dockerci.engine.services;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.jenkins.plugins.dockerci.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ServicesLayeringTest {

    @ArchTest
    static final ArchRule waitStrategiesKnowNothingOfServiceSetsOrTestRuns = noClasses()
            .that().resideInAPackage("..engine.services.wait..")
            .should().dependOnClassesThat().resideInAnyPackage("..engine.services", "..engine.testrun..")
            .because("strategies only see a WaitTarget, so they can be reused for any container");

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheTestRunner = noClasses()
            .that().resideInAPackage("..engine.services..")
            .should().dependOnClassesThat().resideInAPackage("..engine.testrun..")
            .because("a ServiceSet runs on its own, for example around a Pipeline block");
}
