package io.edgeinfer.train.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Reads a training data file into a {@link Dataset}. */
public final class DatasetReader {
  private DatasetReader() {}

  /** Reads a file as {@link #read(Path, LabelColumn, CsvOptions)} does, detecting CSV details. */
  public static Dataset read(Path file, LabelColumn labelColumn) throws IOException {
    return read(file, labelColumn, CsvOptions.DETECT);
  }

  /**
   * Reads NPY (a 2-D numeric array, the label among the columns) or CSV (numbers, and labels that
   * are numbers or class names; a header row of column names or of scikit-learn's counts; any of
   * the delimiters {@link CsvOptions} detects). A name ending in {@code .gz} is gunzipped first;
   * {@code .npy} (or the NPY magic bytes) means NPY, anything else CSV.
   *
   * @throws DataException on bad content, with the line or row and column
   * @throws IOException when the file cannot be read
   */
  public static Dataset read(Path file, LabelColumn labelColumn, CsvOptions csv)
      throws IOException {
    byte[] raw = Files.readAllBytes(file);
    String sha256 = sha256(raw);
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    byte[] bytes = raw;
    if (name.endsWith(".gz")) {
      bytes = gunzip(raw);
      name = name.substring(0, name.length() - ".gz".length());
    }
    if (bytes.length == 0) {
      throw new DataException("expected at least one row of numbers, found an empty file");
    }
    if (name.endsWith(".npy") || NpyTable.hasMagic(bytes)) {
      return split(NpyTable.read(bytes), labelColumn, file.toString(), sha256);
    }
    return TableColumns.toDataset(CsvTable.read(bytes, csv), labelColumn, file.toString(), sha256);
  }

  /** Takes the label column out of each row. */
  private static Dataset split(
      float[][] table, LabelColumn labelColumn, String source, String sha256) {
    int columns = table[0].length;
    int label = labelColumn.resolve(columns);
    if (columns < 2) {
      throw new DataException(
          "expected at least 2 columns (features and a label), found " + columns);
    }
    float[][] features = new float[table.length][columns - 1];
    float[] labels = new float[table.length];
    for (int r = 0; r < table.length; r++) {
      float[] row = table[r];
      labels[r] = row[label];
      System.arraycopy(row, 0, features[r], 0, label);
      System.arraycopy(row, label + 1, features[r], label, columns - label - 1);
    }
    return new Dataset(features, labels, source, sha256);
  }

  private static byte[] gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DataException(
          "expected gzip-compressed data (the name ends in .gz), found: " + e.getMessage());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
