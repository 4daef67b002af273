package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that refuses the credentials is not reported as one that is not running. */
class ConnectRefusedTest {
  @TempDir Path dir;

  @Test
  void refusedCredentialsPointAtTheCredentials() throws Exception {
    Path passwords = Files.writeString(dir.resolve("passwords"), "");
    try (PrivateMosquitto broker =
        PrivateMosquitto.start(
            dir.resolve("mosquitto"), "allow_anonymous false\npassword_file " + passwords + "\n")) {
      ModelException e =
          assertThrows(
              ModelException.class,
              () ->
                  SumServices.start(
                      broker.uri(),
                      "edgeinfer-refused",
                      List.of("in/+"),
                      dir.resolve("outbox"),
                      new SumModel(),
                      new ModelInfo("sum", "1", "java", List.of()),
                      new Metrics(),
                      SumServices.settings(8, 0)));
      assertEquals(
          "cannot reach the MQTT broker at "
              + broker.uri()
              + ": Not authorized. (the broker refused the credentials: check --username and"
              + " --password-file or EDGEINFER_MQTT_PASSWORD, and the broker's ACL for this"
              + " client)",
          e.getMessage());
    }
  }
}
