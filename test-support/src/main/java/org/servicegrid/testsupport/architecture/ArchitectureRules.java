package org.servicegrid.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The architecture rules every module's unit tests apply to its own classes, through a small {@code
 * ArchitectureTest} that names the module's base package ({@code @AnalyzeClasses} with {@code
 * ImportOption.DoNotIncludeTests}) and takes these with {@code
 * ArchTests.in(ArchitectureRules.class)}.
 */
public final class ArchitectureRules {

  /**
   * What a resource may use besides its own feature package: the platform and the public packages
   * of the libraries (registry-protocol, registry-client's public package).
   */
  static final List<String> LIBRARY_APIS =
      List.of(
          "java.",
          "javax.",
          "jakarta.",
          "org.eclipse.microprofile.",
          "org.servicegrid.protocol.",
          "org.servicegrid.client.");

  private static final String CLIENT_INTERNAL = "org.servicegrid.client.internal";

  private ArchitectureRules() {}

  /** The client library's internals stay inside it: other modules use its public package only. */
  @ArchTest
  public static final ArchRule CLIENT_INTERNALS_STAY_IN_THE_LIBRARY =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.servicegrid.client..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(CLIENT_INTERNAL + "..")
          .because("registry-client's public package is what its users call")
          .allowEmptyShould(true);

  /** No two packages depend on each other, directly or through others. */
  @ArchTest
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("org.servicegrid.(**)").should().beFreeOfCycles();

  /**
   * A resource (named {@code *Resource} or annotated {@code @Path}) uses only its own feature
   * package (and its subpackages) and library APIs: it stays thin, and a feature's classes change
   * without touching another feature's resources. Annotations of other features (a name binding
   * such as the registry's {@code @RegistryWrite}) are allowed: they are published to be put on
   * other features' resources.
   */
  @ArchTest
  public static final ArchRule RESOURCES_STAY_IN_THEIR_FEATURE =
      classes()
          .that()
          .haveSimpleNameEndingWith("Resource")
          .or()
          .areAnnotatedWith("jakarta.ws.rs.Path")
          .should(useOnlyTheirFeatureAndLibraryApis())
          .allowEmptyShould(true);

  private static ArchCondition<JavaClass> useOnlyTheirFeatureAndLibraryApis() {
    return new ArchCondition<>("use only their own feature package and library APIs") {
      @Override
      public void check(JavaClass resource, ConditionEvents events) {
        for (Dependency dependency : resource.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          if (!allowed(resource, target)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static boolean allowed(JavaClass resource, JavaClass target) {
    String feature = resource.getPackageName();
    String name = target.getName();
    if (target.isPrimitive()
        || target.isAnnotation()
        || target.getPackageName().equals(feature)
        || target.getPackageName().startsWith(feature + ".")) {
      return true;
    }
    return !target.getPackageName().startsWith(CLIENT_INTERNAL)
        && LIBRARY_APIS.stream().anyMatch(name::startsWith);
  }
}
