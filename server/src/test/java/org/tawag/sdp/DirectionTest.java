package org.tawag.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DirectionTest {

  /** RFC 3264 §6.1 and the table in the notes, with what each side does. */
  @ParameterizedTest
  @CsvSource({
    "sendrecv, sendrecv, true,  true",
    "sendonly, recvonly, true,  false",
    "recvonly, sendonly, false, true",
    "inactive, inactive, false, false",
  })
  void answersEachOfferedDirection(
      String offered, String answered, boolean offererSends, boolean offererReceives) {
    Direction offer = Direction.fromAttribute(offered);
    assertEquals(answered, offer.answerTo().attribute());
    assertEquals(offererSends, offer.sends());
    assertEquals(offererReceives, offer.receives());
    assertEquals(offererSends, offer.answerTo().receives());
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void attributeNamesRoundTrip(Direction direction) {
    assertEquals(direction, Direction.fromAttribute(direction.attribute()));
    assertEquals(direction, Direction.of(direction.sends(), direction.receives()));
    assertEquals(direction, direction.answerTo().answerTo());
  }

  @ParameterizedTest
  @CsvSource({"SENDRECV", "rtpmap", "''"})
  void unknownAttributeIsACallerMistake(String attribute) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Direction.fromAttribute(attribute));
    assertEquals("not a direction attribute: " + attribute, e.getMessage());
  }
}
