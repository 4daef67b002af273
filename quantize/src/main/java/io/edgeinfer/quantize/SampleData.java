package io.edgeinfer.quantize;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.quantize.graph.ConversionException;
import io.edgeinfer.train.data.CsvOptions;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.DatasetReader;
import io.edgeinfer.train.data.LabelColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Input samples for calibration and comparison: an NPY array [N, ...] shaped like the model's
 * input, or rows of a CSV / 2-D NPY file with exactly the input's width, or one more column (a
 * label, ignored: the training file itself can calibrate).
 *
 * @param samples one flat float array per sample
 * @param exampleShape the shape of one sample (the input shape without its batch dimension)
 */
public record SampleData(float[][] samples, int[] exampleShape) {

  /**
   * @param inputShape the model input's shape, batch dimension first
   * @param limit at most this many samples, from the start of the file
   */
  public static SampleData read(Path file, int[] inputShape, int limit) throws ConversionException {
    return read(file, inputShape, limit, LabelColumn.LAST, CsvOptions.DETECT);
  }

  /**
   * The same, for a table whose label is in {@code labelColumn} (left out of the samples) and a CSV
   * read with {@code csv}. With {@link LabelColumn#LAST}, a table exactly as wide as the input has
   * no label column at all.
   */
  public static SampleData read(
      Path file, int[] inputShape, int limit, LabelColumn labelColumn, CsvOptions csv)
      throws ConversionException {
    int[] example = Arrays.copyOfRange(inputShape, 1, inputShape.length);
    int width = Arrays.stream(example).reduce(1, (a, b) -> a * b);
    float[][] rows;
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".npy")) {
        Tensor tensor = NpyCodec.read(Files.readAllBytes(file));
        int[] dims = tensor.shape().dims();
        if (dims.length == example.length + 1
            && Arrays.equals(Arrays.copyOfRange(dims, 1, dims.length), example)) {
          rows = split(tensor.toFloatArray(), dims[0], width);
        } else if (dims.length == 2 && dims[1] == width + 1) {
          int label =
              labelColumn.name() == null && labelColumn.index() >= 0 ? labelColumn.index() : width;
          if (label > width) {
            throw new IllegalArgumentException(
                "expected --label-column below " + (width + 1) + ", found " + label);
          }
          rows = dropColumn(split(tensor.toFloatArray(), dims[0], width + 1), label);
        } else {
          throw wrongWidth(file, Arrays.toString(dims), example);
        }
      } else {
        Dataset table = DatasetReader.read(file, labelColumn, csv);
        rows = table.features();
        int columns = table.featureCount() + 1;
        if (columns == width
            && labelColumn.equals(LabelColumn.LAST)
            && table.classNames().isEmpty()) {
          // No label column: the last column is a feature too.
          for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOf(rows[r], width);
            rows[r][width - 1] = table.labels()[r];
          }
        } else if (columns != width + 1) {
          throw wrongWidth(file, columns + " columns", example);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ConversionException("cannot read samples from " + file + ": " + e.getMessage(), e);
    }
    if (rows.length == 0) {
      throw new ConversionException("expected samples in " + file + ", found none");
    }
    return new SampleData(Arrays.copyOf(rows, Math.min(limit, rows.length)), example);
  }

  private static ConversionException wrongWidth(Path file, String found, int[] example) {
    int width = Arrays.stream(example).reduce(1, (a, b) -> a * b);
    return new ConversionException(
        "expected samples of shape "
            + Arrays.toString(example)
            + " (rows of "
            + width
            + " values, or "
            + (width + 1)
            + " with a label last) in "
            + file
            + ", found "
            + found);
  }

  private static float[][] split(float[] flat, int n, int width) {
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
    }
    return rows;
  }

  private static float[][] dropColumn(float[][] rows, int column) {
    for (int i = 0; i < rows.length; i++) {
      float[] kept = new float[rows[i].length - 1];
      System.arraycopy(rows[i], 0, kept, 0, column);
      System.arraycopy(rows[i], column + 1, kept, column, kept.length - column);
      rows[i] = kept;
    }
    return rows;
  }

  public int size() {
    return samples.length;
  }

  /** Samples [from, to) as one batch tensor. */
  public Tensor batch(int from, int to) {
    int width = samples[0].length;
    float[] flat = new float[(to - from) * width];
    for (int i = from; i < to; i++) {
      System.arraycopy(samples[i], 0, flat, (i - from) * width, width);
    }
    int[] dims = new int[exampleShape.length + 1];
    dims[0] = to - from;
    System.arraycopy(exampleShape, 0, dims, 1, exampleShape.length);
    return Tensor.ofFloats(flat, dims);
  }
}
