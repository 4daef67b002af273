package io.edgeinfer.examples;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.train.synthetic.Clusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Writes the seed example's data: {@value #ROWS} rows of {@value #FEATURES} features in {@value
 * #CLASSES} classes, the label in the last column, as the seed's {@code data.npy} was laid out; and
 * {@value #NEW_ROWS} more rows from the same classes (0, 1, 2, ... in order) as a CSV of features
 * only, for the example's {@code predict}. Made from a fixed seed, so every build writes the same
 * files; quietly, since the build runs it.
 */
public final class SeedData {
  static final int ROWS = 5000;
  static final int FEATURES = 32;
  static final int CLASSES = 10;
  static final int NEW_ROWS = 5;

  private SeedData() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SeedData OUTPUT.npy NEW-ROWS.csv");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    // Rows come from the random stream in order, so the first ROWS are the same with more drawn.
    float[][] rows = Clusters.generate(ROWS + NEW_ROWS, FEATURES, CLASSES, 1.0, 2024);
    Files.write(out, NpyCodec.write(Tensor.ofFloats(Arrays.copyOf(rows, ROWS))));
    StringBuilder csv = new StringBuilder();
    for (float[] row : Arrays.copyOfRange(rows, ROWS, ROWS + NEW_ROWS)) {
      StringJoiner line = new StringJoiner(",");
      for (int c = 0; c < FEATURES; c++) {
        line.add(Float.toString(row[c]));
      }
      csv.append(line).append('\n');
    }
    Files.writeString(Path.of(args[1]), csv);
  }
}
