package io.edgeinfer.examples;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.train.synthetic.Clusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed example's data: {@value #ROWS} rows of {@value #FEATURES} features in {@value
 * #CLASSES} classes, the label in the last column, as the seed's {@code data.npy} was laid out.
 * Made from a fixed seed, so every build writes the same file.
 */
public final class SeedData {
  static final int ROWS = 5000;
  static final int FEATURES = 32;
  static final int CLASSES = 10;

  private SeedData() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SeedData OUTPUT.npy");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    float[][] rows = Clusters.generate(ROWS, FEATURES, CLASSES, 1.0, 2024);
    Files.write(out, NpyCodec.write(Tensor.ofFloats(rows)));
    System.out.println("wrote " + out);
  }
}
