package io.edgeinfer.tensorflow.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared models, which live beside the project and are absent from a plain clone. */
public final class SharedModels {
  private SharedModels() {}

  /** {@code ../shared/models/<relative>}, or the calling test is skipped with the reason. */
  public static Path require(String relative) {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path path = root.resolve("models").resolve(relative);
    assumeTrue(
        Files.exists(path),
        "skipped: " + path + " is absent (the team's shared models are not here)");
    return path;
  }
}
