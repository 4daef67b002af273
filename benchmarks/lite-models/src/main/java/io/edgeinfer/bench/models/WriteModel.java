package io.edgeinfer.bench.models;

import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;

/**
 * Writes one of the project's own benchmark models to a file, for {@code edgeinfer bench} and the
 * LiteRT.js comparison: {@code java -cp benchmarks.jar io.edgeinfer.bench.models.WriteModel
 * mobilenet-v2-224 FILE}.
 */
public final class WriteModel {
  private WriteModel() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println(
          "WriteModel: expected seed-mlp|mobilenet-v2-224 and a file, found "
              + args.length
              + " arguments");
      System.exit(2);
    }
    Path file = Path.of(args[1]);
    try {
      TfliteWriter.write(BenchModels.own(args[0]), file);
    } catch (IllegalArgumentException e) {
      System.err.println("WriteModel: " + e.getMessage());
      System.exit(2);
    }
    System.out.println("wrote " + file);
  }
}
