package org.tawag.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * {@code auth} does JDBC and HTTP routes, so it must know nothing of the SIP, media and ACD layers
 * whose threads must never wait for it; they reach it only through {@link UserStore}'s futures.
 */
class AuthDependencyRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tawag.auth");

  @Test
  void authKnowsNothingOfSipMediaOrAcd() {
    noClasses()
        .that()
        .resideInAPackage("org.tawag.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "javax.sip..",
            "gov.nist..",
            "org.tawag.sip..",
            "org.tawag.media..",
            "org.tawag.acd..",
            "org.tawag.call..")
        .check(CLASSES);
  }
}
