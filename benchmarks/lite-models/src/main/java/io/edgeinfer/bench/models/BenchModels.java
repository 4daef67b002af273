package io.edgeinfer.bench.models;

import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.models.SpeedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The models a benchmark names: the project's own ({@code seed-mlp}, {@code mobilenet-v2-224},
 * written to a temporary file), or a file of the team's zoo ({@code zoo:FILE}, read from {@code
 * ../shared/models/zoo} or {@code -Dedgeinfer.shared=DIR}).
 */
final class BenchModels {
  private BenchModels() {}

  /** One of the project's own models, by name. */
  static LiteModel own(String name) {
    return switch (name) {
      case "seed-mlp" -> SpeedModels.seedMlp();
      case "mobilenet-v2-224" -> SpeedModels.mobileNetV2(224);
      default ->
          throw new IllegalArgumentException(
              "expected seed-mlp, mobilenet-v2-224 or zoo:FILE, found " + name);
    };
  }

  static Path file(String name) throws IOException {
    if (name.startsWith("zoo:")) {
      Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
      Path path = root.resolve("models/zoo").resolve(name.substring(4));
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(
            "expected " + path + " (the team's shared zoo; -Dedgeinfer.shared=DIR), found none");
      }
      return path;
    }
    Path file = Files.createTempFile(name, ".tflite");
    file.toFile().deleteOnExit();
    TfliteWriter.write(own(name), file);
    return file;
  }
}
