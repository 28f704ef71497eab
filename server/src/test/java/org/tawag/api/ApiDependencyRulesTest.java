package org.tawag.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The REST API is an edge over the stores: it knows nothing of SIP, media or Netty, and reaches the
 * live desk only through {@link CallerAccess}, which the composition root implements.
 */
class ApiDependencyRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tawag.api");

  @Test
  void apiKnowsNothingOfSipMediaOrTheLiveDesk() {
    noClasses()
        .that()
        .resideInAPackage("org.tawag.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "javax.sip..",
            "gov.nist..",
            "org.tawag.sip..",
            "org.tawag.media..",
            "org.tawag.acd..",
            "org.tawag.queue..",
            "org.tawag.agent..")
        .check(CLASSES);
  }
}
