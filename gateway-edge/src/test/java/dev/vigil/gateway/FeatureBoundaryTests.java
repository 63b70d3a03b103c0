package dev.vigil.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages ({@code dev.vigil.gateway.<feature>}) may depend on each other one way
 * only: a cycle fails the build.
 */
@AnalyzeClasses(packages = "dev.vigil.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundaryTests {

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.vigil.gateway.(*)..")
		.should()
		.beFreeOfCycles();

}
