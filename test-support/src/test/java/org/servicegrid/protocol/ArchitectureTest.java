package org.servicegrid.protocol;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.servicegrid.testsupport.architecture.ArchitectureRules;

/**
 * The shared architecture rules, applied to registry-protocol's classes. It runs here because
 * registry-protocol cannot depend on test-support, which depends on it.
 */
@AnalyzeClasses(
    packages = "org.servicegrid.protocol",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
