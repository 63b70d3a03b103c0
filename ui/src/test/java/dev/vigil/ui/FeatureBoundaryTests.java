package dev.vigil.ui;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages ({@code dev.vigil.ui.<feature>}) may depend on each other one way
 * only: a cycle fails the build.
 */
@AnalyzeClasses(packages = "dev.vigil.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundaryTests {

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.vigil.ui.(*)..").should().beFreeOfCycles();

}
