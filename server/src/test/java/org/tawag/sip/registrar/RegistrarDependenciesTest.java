package org.tawag.sip.registrar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The registrar depends on JAIN-SIP and call timers only, never on the rest of {@code
 * org.tawag.sip}, so the dependency runs one way (the SIP service uses the registrar).
 */
class RegistrarDependenciesTest {
  @Test
  void registrarDoesNotReachBackIntoTheSipPackage() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tawag.sip");
    noClasses()
        .that()
        .resideInAPackage("org.tawag.sip.registrar")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.tawag.sip")
        .check(classes);
  }
}
