package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second serve with the same client id (and so the same outbox) is refused before its model is
 * loaded: here the model does not even exist, and the outbox is what the error names.
 */
class ServeClientIdTest {
  @TempDir Path dir;

  @Test
  void aTakenOutboxIsRefusedBeforeTheModelLoads() throws Exception {
    Path folder = dir.resolve("outbox");
    try (Outbox first = Outbox.open(folder, 10, 1 << 20)) {
      Cli serve =
          Cli.run(
              "serve",
              "--model",
              dir.resolve("no-such-model").toString(),
              "--broker",
              "tcp://127.0.0.1:1",
              "--input-topic",
              "a/+",
              "--outbox",
              folder.toString());
      assertEquals(1, serve.exitCode(), serve.toString());
      assertTrue(serve.err().contains(first.directory().toString()), serve.toString());
      assertTrue(!serve.err().contains("no-such-model"), serve.toString());
    }
  }
}
