package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.TestSignatures.inputs;
import static io.edgeinfer.core.codec.TestSignatures.one;
import static io.edgeinfer.core.codec.TestSignatures.spec;
import static io.edgeinfer.core.codec.TestSignatures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CsvInputDecoderTest {
  private static final Signature X3 = one("x", DataType.FLOAT32, -1, 3);

  private static Tensor decode(String csv, Signature signature) {
    return decode(utf8(csv), signature);
  }

  private static Tensor decode(byte[] csv, Signature signature) {
    DecodedInput decoded = InputDecoder.decode(Format.CSV, csv, signature);
    assertFalse(decoded.columnar());
    return decoded.inputs().get(signature.inputs().get(0).name());
  }

  private static String error(String csv, Signature signature) {
    return assertThrows(MalformedInputException.class, () -> decode(csv, signature)).getMessage();
  }

  @Test
  void rowsWithoutHeader() {
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), decode("1,2,3\n4,5,6\n", X3));
  }

  @Test
  void semicolonsTabsAndPipesAreDetected() {
    Tensor expected = Tensor.ofFloats(new float[] {1, 2.5f, 3, 4, 5, 6}, 2, 3);
    assertEquals(expected, decode("a;b;c\n1;2.5;3\n4;5;6\n", X3));
    assertEquals(expected, decode("1\t2.5\t3\n4\t5\t6\n", X3));
    assertEquals(expected, decode("1|2.5|3\n4|5|6\n", X3));
    assertEquals(',', CsvDelimiters.detect("1,2,3\n"));
    assertEquals(',', CsvDelimiters.detect(""));
    // Decimal commas beside semicolons: the semicolons separate.
    assertEquals(';', CsvDelimiters.detect("1,5;2;3\n4;5,25;6\n"));
  }

  @Test
  void rowsWithHeaderBlankLinesAndCrlf() {
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2.5f, -3e-2f, 0.1f, 5, 6}, 2, 3),
        decode("a, b ,c\r\n\r\n1,2.5,-3e-2\r\n   \r\n.1,+5,6\r\n", X3));
  }

  @Test
  void nonFiniteCellsAreValuesNotAHeader() {
    float[] values = decode("nan,inf,-Infinity\n", X3).toFloatArray();
    assertTrue(Float.isNaN(values[0]));
    assertEquals(Float.POSITIVE_INFINITY, values[1]);
    assertEquals(Float.NEGATIVE_INFINITY, values[2]);
  }

  @Test
  void oneColumnForAVectorInputLosesTheTrailingOne() {
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2, 5}, 3),
        decode("x\n1\n2\n5\n", one("x", DataType.FLOAT32, -1)));
  }

  @Test
  void integerAndBoolInputs() {
    assertEquals(
        Tensor.ofLongs(new long[] {16777217, -2}, 2, 1),
        decode("16777217\n-2\n", one("x", DataType.INT64, -1, 1)));
    assertEquals(
        Tensor.ofBytes(DataType.BOOL, new byte[] {1, 0, 1, 0}, 2, 2),
        decode("flag,other\ntrue,0\n1,FALSE\n", one("x", DataType.BOOL, -1, 2)));
  }

  @Test
  void badCellsNameLineAndColumn() {
    assertEquals(
        "input 'x': expected a number, found 'x' at line 4, column 2",
        error("a,b,c\n1,2,3\n\n4,x,6\n", X3));
    assertEquals(
        "input 'x': expected a number, found an empty cell at line 2, column 3",
        error("1,2,3\n4,5,\n", X3));
    assertEquals(
        "input 'x': expected an integer for int64, found 1.5 at line 1, column 1",
        error("1.5\n", one("x", DataType.INT64, -1, 1)));
    assertEquals(
        "input 'x': expected a number, found '0x10' at line 2, column 1",
        error("1,2,3\n0x10,1,2\n", X3));
    assertEquals(
        "input 'x': expected a number, found 'x' at line 4, column 3",
        error("\r\n1,2,3\r\n\r\n4,5,\"x\"\r\n", X3));
  }

  @Test
  void rowsMustHaveOneWidth() {
    assertEquals(
        "expected 3 values in every row (as on line 1), found 2 at line 3",
        error("1,2,3\n4,5,6\n7,8\n", X3));
  }

  @Test
  void emptyInputsAreRefused() {
    assertEquals("expected at least one row of values, found none", error("a,b,c\n\n", X3));
    assertEquals("expected at least one row of values, found none", error("", X3));
  }

  @Test
  void onlyOneInputSignatures() {
    Signature two = inputs(spec("a", DataType.FLOAT32, -1), spec("b", DataType.FLOAT32, -1));
    assertEquals(
        "CSV input needs a signature with exactly one input, found 2 (a, b) in signature"
            + " 'serving_default': send JSON instead",
        error("1\n", two));
    assertEquals(
        "CSV input needs a numeric or bool input, found string input 's': send JSON instead",
        error("a\n", one("s", DataType.STRING, -1)));
  }

  @Test
  void gzipIsUnpacked() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(utf8("1,2,3\n"));
    }
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3), decode(bytes.toByteArray(), X3));
  }

  @Test
  void float32CellsAreParsedExactly() {
    assertEquals(
        Math.nextUp(1f),
        decode("1.0000000596046447753906251\n", one("x", DataType.FLOAT32, -1)).toFloatArray()[0]);
  }
}
