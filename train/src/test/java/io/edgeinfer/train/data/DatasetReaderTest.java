package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  private static final String ROWS = "1,2,0\n3.5,-4e-1,1\n5,6,1\n";

  @TempDir Path dir;

  private static void assertRows(Dataset data) {
    assertEquals(3, data.size());
    assertEquals(2, data.featureCount());
    assertArrayEquals(new float[] {1, 2}, data.features()[0]);
    assertArrayEquals(new float[] {3.5f, -0.4f}, data.features()[1]);
    assertArrayEquals(new float[] {5, 6}, data.features()[2]);
    assertArrayEquals(new float[] {0, 1, 1}, data.labels());
  }

  @Test
  void csvWithoutHeader() throws IOException {
    Path file = DataFiles.write(dir, "rows.csv", ROWS);
    Dataset data = DatasetReader.read(file, LabelColumn.LAST);
    assertRows(data);
    assertEquals(file.toString(), data.source());
    assertEquals(sha256(ROWS.getBytes(StandardCharsets.UTF_8)), data.sha256());
  }

  @Test
  void csvWithHeaderBlankLinesCrlfAndABom() throws IOException {
    String csv = "\uFEFFa,b,label\r\n\r\n1,2,0\r\n 3.5 , -4e-1 ,1\r\n\r\n5,6,1\r\n";
    assertRows(DatasetReader.read(DataFiles.write(dir, "rows.csv", csv), LabelColumn.LAST));
  }

  @Test
  void gzippedCsvIsDetectedByTheSuffixAndHashedAsStored() throws IOException {
    byte[] gz = DataFiles.gzip("x,y,label\n" + ROWS);
    Dataset data = DatasetReader.read(DataFiles.write(dir, "rows.CSV.GZ", gz), LabelColumn.LAST);
    assertRows(data);
    assertEquals(sha256(gz), data.sha256());
  }

  @Test
  void labelInAnyColumn() throws IOException {
    Path file = DataFiles.write(dir, "first.csv", "0,1,2\n1,3.5,-4e-1\n1,5,6\n");
    assertRows(DatasetReader.read(file, new LabelColumn(0)));
    Path middle = DataFiles.write(dir, "middle.csv", "1,0,2\n3.5,1,-4e-1\n5,1,6\n");
    assertRows(DatasetReader.read(middle, new LabelColumn(1)));
  }

  @Test
  void npyOfFloat32() throws IOException {
    Tensor table = Tensor.ofFloats(new float[][] {{1, 2, 0}, {3.5f, -0.4f, 1}, {5, 6, 1}});
    byte[] npy = NpyCodec.write(table);
    Dataset data = DatasetReader.read(DataFiles.write(dir, "rows.npy", npy), LabelColumn.LAST);
    assertRows(data);
    assertEquals(sha256(npy), data.sha256());
  }

  @Test
  void npyOfFloat64AndIntegers() throws IOException {
    Tensor doubles = Tensor.ofDoubles(new double[] {1, 2, 0, 3.5, -0.4, 1, 5, 6, 1}, 3, 3);
    assertRows(
        DatasetReader.read(
            DataFiles.write(dir, "doubles.npy", NpyCodec.write(doubles)), LabelColumn.LAST));
    Tensor ints = Tensor.ofLongs(new long[] {7, 1, 8, 0}, 2, 2);
    Dataset data =
        DatasetReader.read(
            DataFiles.write(dir, "ints.npy", NpyCodec.write(ints)), LabelColumn.LAST);
    assertArrayEquals(new float[] {1, 0}, data.labels());
    assertArrayEquals(new float[] {8}, data.features()[1]);
  }

  @Test
  void npyMagicWinsOverAnotherName() throws IOException {
    byte[] npy =
        NpyCodec.write(Tensor.ofFloats(new float[][] {{1, 2, 0}, {3.5f, -0.4f, 1}, {5, 6, 1}}));
    assertRows(DatasetReader.read(DataFiles.write(dir, "rows.bin", npy), LabelColumn.LAST));
  }

  @Test
  void gzippedNpy() throws IOException {
    byte[] npy =
        NpyCodec.write(Tensor.ofFloats(new float[][] {{1, 2, 0}, {3.5f, -0.4f, 1}, {5, 6, 1}}));
    assertRows(
        DatasetReader.read(
            DataFiles.write(dir, "rows.npy.gz", DataFiles.gzip(npy)), LabelColumn.LAST));
  }

  @Test
  void selectKeepsTheGivenOrderAndTheProvenance() throws IOException {
    Dataset data = DatasetReader.read(DataFiles.write(dir, "rows.csv", ROWS), LabelColumn.LAST);
    Dataset picked = data.select(new int[] {2, 0});
    assertEquals(2, picked.size());
    assertArrayEquals(new float[] {5, 6}, picked.features()[0]);
    assertArrayEquals(new float[] {1, 0}, picked.labels());
    assertEquals(data.source(), picked.source());
    assertEquals(data.sha256(), picked.sha256());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
