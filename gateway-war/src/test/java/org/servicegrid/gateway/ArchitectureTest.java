package org.servicegrid.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.servicegrid.testsupport.architecture.ArchitectureRules;

/** The shared architecture rules, applied to gateway-war's classes (not its tests). */
@AnalyzeClasses(
    packages = "org.servicegrid.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
