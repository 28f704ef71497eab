package org.tawag.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+1 (555) 123-4567 | 1  | +15551234567",
        "+15551234567      | 1  | +15551234567",
        "0044 20 7946 0958 | 1  | +442079460958",
        "020 7946 0958     | 44 | +442079460958",
        "(0495) 123.45.67  | 7  | +74951234567",
        "15551234567       | 1  | +15551234567",
        "0 555 123 4567    | 1  | +15551234567",
        "+12345678         | 1  | +12345678",
        "+123456789012345  | 1  | +123456789012345",
      })
  void normalisesToE164(String raw, String countryCode, String expected) {
    assertEquals(Optional.of(expected), PhoneNumbers.normalise(raw, countryCode));
    assertTrue(PhoneNumbers.isE164(expected));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "anonymous",
        "+1234567",
        "+1234567890123456",
        "+0123456789",
        "000123456789",
        "555-CALL-NOW",
        "+1 555 123 4567 ext 9",
        "sip:+15551234567@pbx",
        "   ",
        "+",
      })
  void refusesWhatIsNoNumber(String raw) {
    assertEquals(Optional.empty(), PhoneNumbers.normalise(raw, "1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "1234", "+1", "a"})
  void badCountryCodeIsACallerError(String cc) {
    assertThrows(IllegalArgumentException.class, () -> PhoneNumbers.normalise("+15551234567", cc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"15551234567", "+1555123456a", "+0555123456", "+1234567"})
  void isE164RefusesOtherForms(String value) {
    assertFalse(PhoneNumbers.isE164(value));
  }
}
