package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.TestSignatures.inputs;
import static io.edgeinfer.core.codec.TestSignatures.one;
import static io.edgeinfer.core.codec.TestSignatures.spec;
import static io.edgeinfer.core.codec.TestSignatures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonInputDecoderTest {
  private static final Signature X = one("x", DataType.FLOAT32, -1, 1);
  private static final Signature AB =
      inputs(spec("a", DataType.FLOAT32, -1, 2), spec("b", DataType.INT64, -1));

  private static DecodedInput decode(String json, Signature signature) {
    return InputDecoder.decode(Format.JSON, utf8(json), signature);
  }

  private static Tensor only(String json, Signature signature) {
    DecodedInput decoded = decode(json, signature);
    assertEquals(1, decoded.inputs().size());
    return decoded.inputs().values().iterator().next();
  }

  private static String error(String json, Signature signature) {
    return assertThrows(MalformedInputException.class, () -> decode(json, signature)).getMessage();
  }

  @Test
  void halfPlusTwoScalarsAreReshapedToTheDeclaredTrailingOne() {
    DecodedInput decoded = decode("{\"instances\": [1.0, 2.0, 5.0]}", X);
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 5}, 3, 1), decoded.inputs().get("x"));
    assertFalse(decoded.columnar());
    assertNull(decoded.signatureName());
  }

  @Test
  void aTrailingOneTheSpecDoesNotHaveIsDropped() {
    Tensor x = only("{\"instances\": [[1], [2], [3]]}", one("x", DataType.FLOAT32, -1));
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 3}, 3), x);
  }

  @Test
  void otherShapeMismatchesAreLeftForTheValidator() {
    Tensor x = only("{\"instances\": [[1, 2], [3, 4]]}", one("x", DataType.FLOAT32, -1, 3));
    assertEquals(Shape.of(2, 2), x.shape());
  }

  @Test
  void rowsStackInstancesAlongANewFirstDimension() {
    Tensor x = only("{\"instances\": [[[1, 2]], [[3, 4]]]}", one("x", DataType.FLOAT32, -1, 1, 2));
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 3, 4}, 2, 1, 2), x);
  }

  @Test
  void aBareListIsTheInstances() {
    Tensor x = only("[[1, 2], [3, 4]]", one("x", DataType.INT32, -1, 2));
    assertEquals(Tensor.ofInts(new int[] {1, 2, 3, 4}, 2, 2), x);
  }

  @Test
  void signatureNameIsReportedWhereverItIs() {
    DecodedInput decoded = decode("{\"instances\": [1], \"signature_name\": \"predict\"}", X);
    assertEquals("predict", decoded.signatureName());
    assertEquals(
        "expected a string for \"signature_name\", found 3 at line 1, column 20",
        error("{\"signature_name\": 3, \"instances\": [1]}", X));
  }

  @Test
  void columnarValueIsTheWholeTensor() {
    DecodedInput decoded =
        decode("{\"inputs\": [[1, 2], [3, 4]]}", one("x", DataType.FLOAT32, -1, 2));
    assertTrue(decoded.columnar());
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 3, 4}, 2, 2), decoded.inputs().get("x"));
  }

  @Test
  void columnarScalarForAScalarInput() {
    assertEquals(
        Tensor.ofFloats(new float[] {7}).reshape(Shape.of()),
        only("{\"inputs\": 7}", one("x", DataType.FLOAT32)));
  }

  @Test
  void multiInputRows() {
    DecodedInput decoded =
        decode("{\"instances\": [{\"b\": 3, \"a\": [1, 2]}, {\"a\": [4, 5], \"b\": 6}]}", AB);
    assertEquals(List.of("a", "b"), List.copyOf(decoded.inputs().keySet()));
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 4, 5}, 2, 2), decoded.inputs().get("a"));
    assertEquals(Tensor.ofLongs(new long[] {3, 6}, 2), decoded.inputs().get("b"));
  }

  @Test
  void multiInputColumns() {
    DecodedInput decoded = decode("{\"inputs\": {\"a\": [[1, 2], [4, 5]], \"b\": [3, 6]}}", AB);
    assertTrue(decoded.columnar());
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 4, 5}, 2, 2), decoded.inputs().get("a"));
    assertEquals(Tensor.ofLongs(new long[] {3, 6}, 2), decoded.inputs().get("b"));
  }

  @Test
  void namedInstancesWorkForOneInputToo() {
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2}, 2, 1),
        only("{\"instances\": [{\"x\": 1}, {\"x\": 2}]}", X));
  }

  @Test
  void stringsAreUtf8AndB64ObjectsAreDecoded() {
    Tensor s =
        only("{\"instances\": [{\"b64\": \"AP8=\"}, \"h\u00e9\"]}", one("s", DataType.STRING, -1));
    assertEquals(Shape.of(2), s.shape());
    assertArrayEquals(new byte[] {0, (byte) 0xff}, s.strings().get(0));
    assertArrayEquals(new byte[] {'h', (byte) 0xc3, (byte) 0xa9}, s.strings().get(1));
  }

  @Test
  void b64InsideNamedInputsAndColumns() {
    Signature signature = inputs(spec("s", DataType.STRING, -1), spec("n", DataType.INT64, -1));
    Tensor s =
        decode("{\"instances\": [{\"s\": {\"b64\": \"aGk=\"}, \"n\": 1}]}", signature)
            .inputs()
            .get("s");
    assertArrayEquals(utf8("hi"), s.strings().get(0));
    Tensor scalar = only("{\"inputs\": {\"b64\": \"aGk=\"}}", one("s", DataType.STRING));
    assertEquals(Shape.of(), scalar.shape());
    assertArrayEquals(utf8("hi"), scalar.strings().get(0));
  }

  @Test
  void badB64IsReported() {
    String message = error("{\"instances\": [{\"b64\": \"!!\"}]}", one("s", DataType.STRING, -1));
    assertTrue(message.startsWith("input 's': expected base64 after \"b64\", found "), message);
    assertTrue(message.endsWith("at line 1, column 24"), message);
  }

  @Test
  void numbersAreParsedFromTheirTextIntoTheInputType() {
    // Halfway between 1 and the next float, plus a little: rounds up. Through double it would be
    // exactly halfway and round to even, i.e. down to 1.
    assertEquals(
        Math.nextUp(1f),
        only("[1.0000000596046447753906251]", one("x", DataType.FLOAT32, -1)).toFloatArray()[0]);
    assertEquals(16777217L, only("[16777217]", one("x", DataType.INT64, -1)).getLong(0));
    assertEquals(
        9007199254740993L, only("[9007199254740993]", one("x", DataType.INT64, -1)).getLong(0));
    assertEquals(16777216f, only("[16777217]", one("x", DataType.FLOAT32, -1)).toFloatArray()[0]);
    assertEquals(0.1, only("[0.1]", one("x", DataType.FLOAT64, -1)).getDouble(0));
  }

  @Test
  void nonFiniteLiteralsAreAccepted() {
    float[] values =
        only("[NaN, Infinity, -Infinity]", one("x", DataType.FLOAT32, -1)).toFloatArray();
    assertTrue(Float.isNaN(values[0]));
    assertEquals(Float.POSITIVE_INFINITY, values[1]);
    assertEquals(Float.NEGATIVE_INFINITY, values[2]);
  }

  @Test
  void integerInputsRefuseFractionsAndOutOfRangeValues() {
    assertEquals(
        "input 'x': expected an integer for int64, found 1.5 at line 1, column 5",
        error("[1, 1.5]", one("x", DataType.INT64, -1)));
    assertEquals(
        "input 'x': expected an int64 value in [-9223372036854775808, 9223372036854775807],"
            + " found 9223372036854775808 at line 1, column 2",
        error("[9223372036854775808]", one("x", DataType.INT64, -1)));
    assertEquals(
        "input 'x': expected an int32 value in [-2147483648, 2147483647], found 2147483648"
            + " at line 1, column 2",
        error("[2147483648]", one("x", DataType.INT32, -1)));
    assertEquals(
        "input 'x': expected a uint8 value in [0, 255], found -1 at line 1, column 2",
        error("[-1]", one("x", DataType.UINT8, -1)));
    assertEquals(
        "input 'x': expected an integer for int32, found NaN at line 1, column 2",
        error("[NaN]", one("x", DataType.INT32, -1)));
  }

  @Test
  void boolsAndNumbersDoNotMix() {
    assertEquals(
        "input 'x': expected a float32 number, found true at line 1, column 2",
        error("[true]", one("x", DataType.FLOAT32, -1)));
    assertEquals(
        "input 'x': expected true or false, found 1 at line 1, column 9",
        error("[false, 1]", one("x", DataType.BOOL, -1)));
    assertEquals(
        Tensor.ofBytes(DataType.BOOL, new byte[] {1, 0}, 2),
        only("[true, false]", one("x", DataType.BOOL, -1)));
    assertEquals(
        "input 'x': expected a float32 number, found a string at line 1, column 2",
        error("[\"1\"]", one("x", DataType.FLOAT32, -1)));
    assertEquals(
        "input 'x': expected a float32 number, found null at line 1, column 2",
        error("[null]", one("x", DataType.FLOAT32, -1)));
    assertEquals(
        "input 's': expected a string, found 1 at line 1, column 2",
        error("[1]", one("s", DataType.STRING, -1)));
  }

  @Test
  void raggedListsNameTheRowWhereTheyBreak() {
    assertEquals(
        "input 'x': expected 3 values in every row, found 2 at line 1, column 24",
        error("{\"instances\": [[1,2,3],[4,5]]}", one("x", DataType.FLOAT32, -1, 3)));
    assertEquals(
        "input 'x': expected 2 values in every row, found 1 at line 4, column 12",
        error(
            "{\"instances\": [\n  [[1, 2], [3, 4]],\n  [[5, 6],\n           [7]]\n]}",
            one("x", DataType.FLOAT32, -1, 2, 2)));
    assertEquals(
        "input 'x': expected every instance to have shape [2] like the first, found [] at line 1,"
            + " column 23",
        error("{\"instances\": [[1,2], 3]}", one("x", DataType.FLOAT32, -1, 2)));
    assertEquals(
        "input 'x': expected every element to have shape [2, 1] like the first, found [2, 2] at"
            + " line 1, column 24",
        error("{\"inputs\": [[[1],[2]], [[3,4],[5,6]]]}", one("x", DataType.FLOAT32, -1, 2, 1)));
  }

  @Test
  void malformedJsonReportsLineAndColumn() {
    String message = error("{\"instances\": [\n  [1, 2],\n  [3,, 4]\n]}", X);
    assertTrue(message.startsWith("malformed JSON: Unexpected character (','"), message);
    assertTrue(message.endsWith(" at line 3, column 6"), message);
    assertFalse(message.contains("\n"), message);

    String truncated = error("{\"instances\": [1, 2", X);
    assertTrue(truncated.startsWith("malformed JSON: Unexpected end-of-input"), truncated);
    assertFalse(truncated.contains("Source"), truncated);
  }

  @Test
  void theDocumentMustBeInstancesOrInputs() {
    assertEquals(
        "expected \"instances\", \"inputs\" or \"examples\", found none at line 1, column 2",
        error("{}", X));
    assertEquals(
        "expected \"instances\", \"inputs\", \"examples\", \"signature_name\" or \"id\", found the"
            + " field"
            + " \"instance\""
            + " at line 1, column 2",
        error("{\"instance\": [1]}", X));
    assertEquals(
        "expected one of \"instances\", \"inputs\" or \"examples\", found two at line 1, column 20",
        error("{\"instances\": [1], \"inputs\": [1]}", X));
    assertEquals(
        "expected an object with \"instances\" or \"inputs\", or a list of instances, found 3"
            + " at line 1, column 1",
        error("3", X));
    assertEquals(
        "expected an object with \"instances\" or \"inputs\", or a list of instances, found the"
            + " end of input at line 1, column 1",
        error("", X));
    assertEquals(
        "expected \"instances\" to be a list, found an object at line 1, column 15",
        error("{\"instances\": {\"x\": 1}}", X));
    assertEquals(
        "expected at least one instance, found an empty list at line 1, column 16",
        error("{\"instances\": []}", X));
    assertEquals("expected the end of input, found a list at line 1, column 5", error("[1] []", X));
  }

  @Test
  void inputNamesAreChecked() {
    assertEquals(
        "unknown input 'c' for signature 'serving_default': expected a, b at line 1, column 17",
        error("{\"instances\": [{\"c\": 1}]}", AB));
    assertEquals(
        "expected an object naming the inputs (a, b), found a list at line 1, column 16",
        error("{\"instances\": [[1, 2]]}", AB));
    assertEquals(
        "expected an object naming the inputs (a, b), found a list at line 1, column 12",
        error("{\"inputs\": [[1, 2]]}", AB));
    assertEquals(
        "expected every instance to give inputs a, b like the first, found inputs a at line 1,"
            + " column 38",
        error("{\"instances\": [{\"a\": [1,2], \"b\": 1}, {\"a\": [3,4]}]}", AB));
    assertEquals(
        "expected each input once, found input 'a' again at line 1, column 29",
        error("{\"instances\": [{\"a\": [1,2], \"a\": [3,4]}]}", AB));
  }

  @Test
  void missingInputsAreLeftForTheValidator() {
    DecodedInput decoded = decode("{\"instances\": [{\"a\": [1, 2]}]}", AB);
    assertEquals(List.of("a"), List.copyOf(decoded.inputs().keySet()));
  }
}
