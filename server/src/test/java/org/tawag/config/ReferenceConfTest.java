package org.tawag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** House rule 14: every default is documented where it is defined. */
class ReferenceConfTest {
  private static Config reference() {
    return ConfigFactory.parseResources("reference.conf")
        .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
  }

  private static String referenceText() throws IOException {
    try (InputStream in = ReferenceConfTest.class.getResourceAsStream("/reference.conf")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyKeyHasACommentAbove() {
    Config reference = reference();
    assertFalse(reference.entrySet().isEmpty());
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      assertFalse(
          e.getValue().origin().comments().isEmpty(), e.getKey() + " has no comment above it");
    }
    for (String section :
        new String[] {"sip", "rtp", "http", "trunks", "dialplan", "queues", "queue-defaults"}) {
      assertFalse(
          reference.getValue("tawag." + section).origin().comments().isEmpty(),
          "tawag." + section + " has no comment above it");
    }
  }

  @Test
  void everyEnvironmentOverrideIsNamedNextToItsKey() throws IOException {
    String text = referenceText();
    for (Map.Entry<String, String> e : EnvOverrides.KEYS.entrySet()) {
      String key = e.getValue().substring(e.getValue().lastIndexOf('.') + 1);
      assertTrue(
          text.contains(key + " = ${?" + e.getKey() + "}"),
          e.getKey() + " is not written next to " + e.getValue() + " in reference.conf");
    }
    assertEquals(
        EnvOverrides.KEYS.size(),
        text.split("\\$\\{\\?TAWAG_", -1).length - 1,
        "reference.conf names a TAWAG_ variable the loader does not apply over tawag.conf");
  }

  @Test
  void referenceAloneIsAValidConfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Files.writeString(dir.resolve(ConfigLoader.MAIN_FILE), "# all defaults\n");

    TawagConfig config = ConfigLoader.load(dir, Map.of());

    assertEquals(5060, config.sip().udpPort());
    assertEquals(dir.resolve("sounds"), config.soundsDir());
  }
}
