package nl.leerkring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.vertx.ext.mongo.MongoClient;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout the next developer can rely on: features do not depend on each other in circles, shared
 * pieces do not depend on features, and nothing leans on a library's internals, which change without notice.
 */
@AnalyzeClasses(packages = "nl.leerkring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresHaveNoCycles = slices().matching("nl.leerkring.(*)..")
      .should().beFreeOfCycles()
      .as("No package of nl.leerkring depends on itself through other packages");

  @ArchTest
  static final ArchRule noLibraryInternals = noClasses().that().resideInAPackage("nl.leerkring..")
      .should().dependOnClassesThat().resideInAPackage("..impl..")
      .as("No class uses a library's internals (a package named impl)");

  /**
   * The embedded store answers a count or an aggregation by first loading every document of the collection
   * into memory: at a million notes that ran the store out of memory. Counts come from lists and counters.
   */
  @ArchTest
  static final ArchRule noWholeCollectionLoads = noClasses().that().resideInAPackage("nl.leerkring..")
      .should().callMethodWhere(target(owner(assignableTo(MongoClient.class)))
          .and(target(nameMatching("count.*|aggregate.*|distinct.*"))))
      .as("No class counts, aggregates or asks for distinct values in the store");

  @ArchTest
  static final ArchRule platformKnowsNoFeature = noClasses().that().resideInAPackage("nl.leerkring.platform..")
      .should().dependOnClassesThat(resideInAPackage("nl.leerkring..").and(not(resideInAPackage("nl.leerkring.platform.."))))
      .as("platform depends on no feature, not on web and not on the wiring root");
}
