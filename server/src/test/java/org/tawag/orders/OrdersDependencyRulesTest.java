package org.tawag.orders;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The orders package is a store: it knows nothing of SIP, media, the ACD or Netty, whose threads
 * must never wait for it; and only {@link OrderJson} knows Vert.x, so the domain and the SQL stay
 * usable without it.
 */
class OrdersDependencyRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tawag.orders");

  @Test
  void ordersKnowNothingOfSipMediaOrAcd() {
    noClasses()
        .that()
        .resideInAPackage("org.tawag.orders..")
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

  @Test
  void onlyOrderJsonKnowsVertx() {
    noClasses()
        .that()
        .resideInAPackage("org.tawag.orders..")
        .and()
        .doNotHaveSimpleName("OrderJson")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.vertx..")
        .check(CLASSES);
  }
}
