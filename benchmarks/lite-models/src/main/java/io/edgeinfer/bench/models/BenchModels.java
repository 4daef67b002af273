package io.edgeinfer.bench.models;

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
    switch (name) {
      case "seed-mlp" -> TfliteWriter.write(SpeedModels.seedMlp(), file);
      case "mobilenet-v2-224" -> TfliteWriter.write(SpeedModels.mobileNetV2(224), file);
      default ->
          throw new IllegalArgumentException(
              "expected seed-mlp, mobilenet-v2-224 or zoo:FILE, found " + name);
    }
    return file;
  }
}
