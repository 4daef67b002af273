package io.edgeinfer.mqtt.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The answer beside an input: {@code <name>.prediction.json} or {@code <name>.error.json}. */
final class Answers {
  private Answers() {}

  /**
   * Writes one answer atomically and removes the other kind, left from an earlier version of the
   * input: a stale error next to a fresh prediction would say the wrong thing.
   */
  static void write(Path dir, String name, byte[] payload, boolean error) throws IOException {
    Path target = error ? WatchedFiles.error(dir, name) : WatchedFiles.prediction(dir, name);
    AtomicFiles.write(target, payload);
    Files.deleteIfExists(
        error ? WatchedFiles.prediction(dir, name) : WatchedFiles.error(dir, name));
  }
}
