package org.tawag.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of style.md's dependency rules: the pure core (ACD, SDP, dial plan,
 * codecs, RTP/RTCP/DTMF maths) stays free of I/O frameworks and of the wall clock, so it is tested
 * without sockets or sleeping; nothing prints to stdout.
 */
class DependencyRulesTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tawag");
  }

  private static final String[] PURE = {
    "org.tawag.acd..",
    "org.tawag.sdp..",
    "org.tawag.dialplan..",
    "org.tawag.media.codec..",
    "org.tawag.media.rtp..",
    "org.tawag.media.dtmf..",
  };

  @Test
  void pureCoreUsesNoIoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "io.vertx..",
            "javax.sip..",
            "gov.nist..",
            "java.sql..",
            "io.micrometer..")
        .check(classes);
  }

  @Test
  void pureCoreDoesNotReadTheClock() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .check(classes);
  }

  @Test
  void mediaKnowsNothingOfSipOrHttp() {
    noClasses()
        .that()
        .resideInAPackage("org.tawag.media..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javax.sip..", "gov.nist..", "io.vertx..", "org.tawag.sip..", "java.sql..")
        .check(classes);
  }

  @Test
  void callLogicKnowsNothingOfSip() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tawag.call..", "org.tawag.dialplan..", "org.tawag.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javax.sip..", "gov.nist..", "org.tawag.sip..")
        .check(classes);
  }

  @Test
  void nothingPrintsToStandardStreams() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(classes);
  }
}
