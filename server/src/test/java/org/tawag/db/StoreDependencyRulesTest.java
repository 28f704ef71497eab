package org.tawag.db;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The store packages ({@code calls}, {@code db}) do JDBC and file I/O and so must know nothing of
 * the SIP, media and ACD layers whose threads must never wait for them.
 */
class StoreDependencyRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tawag.calls", "org.tawag.db");

  @Test
  void storeKnowsNothingOfSipMediaOrAcd() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tawag.calls..", "org.tawag.db..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "io.vertx..",
            "javax.sip..",
            "gov.nist..",
            "org.tawag.sip..",
            "org.tawag.media..",
            "org.tawag.acd..",
            "org.tawag.call..")
        .check(CLASSES);
  }
}
