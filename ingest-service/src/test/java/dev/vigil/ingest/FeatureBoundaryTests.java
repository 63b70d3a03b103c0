package dev.vigil.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages ({@code dev.vigil.ingest.<feature>}) may depend on each other one way
 * only: a cycle fails the build.
 */
@AnalyzeClasses(packages = "dev.vigil.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundaryTests {

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.vigil.ingest.(*)..")
		.should()
		.beFreeOfCycles();

}
