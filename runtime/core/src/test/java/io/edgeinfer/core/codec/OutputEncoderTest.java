package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.TestSignatures.outputs;
import static io.edgeinfer.core.codec.TestSignatures.spec;
import static io.edgeinfer.core.codec.TestSignatures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputEncoderTest {
  private static final Signature Y = outputs(spec("y", DataType.FLOAT32, -1, 1));
  private static final Signature TWO =
      outputs(spec("scores", DataType.FLOAT32, -1, 2), spec("label", DataType.INT64, -1));

  /** Deliberately not in the signature's order. */
  private static Map<String, Tensor> two() {
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    outputs.put("label", Tensor.ofLongs(new long[] {1, 0}, 2));
    outputs.put("scores", Tensor.ofFloats(new float[] {0.1f, 0.9f, 0.8f, 0.2f}, 2, 2));
    return outputs;
  }

  @Test
  void oneOutputRowsAreOneValuePerInstance() {
    Tensor y = Tensor.ofFloats(new float[] {2.5f, 3f, 4.5f}, 3, 1);
    assertEquals(
        "{\"predictions\":[[2.5],[3.0],[4.5]]}", OutputEncoder.toJson(Map.of("y", y), Y, false));
    Tensor flat = Tensor.ofFloats(new float[] {2.5f, 3f}, 2);
    assertEquals("{\"predictions\":[2.5,3.0]}", OutputEncoder.toJson(Map.of("y", flat), Y, false));
  }

  @Test
  void severalOutputsRowsAreObjectsInSignatureOrder() {
    assertEquals(
        "{\"predictions\":[{\"scores\":[0.1,0.9],\"label\":1},{\"scores\":[0.8,0.2],\"label\":0}]}",
        OutputEncoder.toJson(two(), TWO, false));
  }

  @Test
  void columnarIsTheWholeValueOrAnObjectOfThem() {
    Tensor y = Tensor.ofFloats(new float[] {2.5f, 3f}, 2, 1);
    assertEquals("{\"outputs\":[[2.5],[3.0]]}", OutputEncoder.toJson(Map.of("y", y), Y, true));
    assertEquals(
        "{\"outputs\":{\"scores\":[[0.1,0.9],[0.8,0.2]],\"label\":[1,0]}}",
        OutputEncoder.toJson(two(), TWO, true));
  }

  @Test
  void aRankZeroOutputIsOneInstance() {
    Tensor scalar = Tensor.ofFloats(new float[] {5f}).reshape(Shape.of());
    assertEquals("{\"predictions\":[5.0]}", OutputEncoder.toJson(Map.of("y", scalar), Y, false));
    assertEquals("{\"outputs\":5.0}", OutputEncoder.toJson(Map.of("y", scalar), Y, true));
  }

  @Test
  void valuesAreWrittenByType() {
    Signature signature =
        outputs(
            spec("i", DataType.INT64, -1),
            spec("b", DataType.BOOL, -1),
            spec("d", DataType.FLOAT64, -1),
            spec("u", DataType.UINT8, -1));
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    outputs.put("i", Tensor.ofLongs(new long[] {16777217L}));
    outputs.put("b", Tensor.ofBytes(DataType.BOOL, new byte[] {1}));
    outputs.put("d", Tensor.ofDoubles(new double[] {0.1}));
    outputs.put("u", Tensor.ofBytes(DataType.UINT8, new byte[] {(byte) 200}));
    assertEquals(
        "{\"predictions\":[{\"i\":16777217,\"b\":true,\"d\":0.1,\"u\":200}]}",
        OutputEncoder.toJson(outputs, signature, false));
  }

  @Test
  void nonFiniteNumbersAreBareEvenOnADefaultGenerator() throws Exception {
    Tensor y =
        Tensor.ofFloats(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
    assertEquals(
        "{\"predictions\":[NaN,Infinity,-Infinity]}",
        OutputEncoder.toJson(Map.of("y", y), Y, false));
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("model_version", "1");
      OutputEncoder.writePredictionsField(json, Map.of("y", y), Y, true);
      json.writeEndObject();
    }
    assertEquals("{\"model_version\":\"1\",\"outputs\":[NaN,Infinity,-Infinity]}", out.toString());
  }

  @Test
  void stringsAreTextWhenUtf8ElseB64() {
    Signature signature = outputs(spec("s", DataType.STRING, -1));
    Tensor s = Tensor.ofStrings(List.of(utf8("h\u00e9"), new byte[] {0, (byte) 0xff}));
    assertEquals(
        "{\"predictions\":[\"h\u00e9\",{\"b64\":\"AP8=\"}]}",
        OutputEncoder.toJson(Map.of("s", s), signature, false));
  }

  @Test
  void rowsNeedOneBatch() {
    Map<String, Tensor> outputs = two();
    outputs.put("label", Tensor.ofLongs(new long[] {1, 0, 1}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OutputEncoder.toJson(outputs, TWO, false));
    assertEquals(
        "expected every output to have a batch of 2 like 'scores', found 3 for 'label': use the"
            + " columnar form",
        e.getMessage());
  }

  @Test
  void csvHeaderNamesAColumnPerValue() {
    Signature signature =
        outputs(
            spec("scores", DataType.FLOAT32, -1, 3),
            spec("label", DataType.INT64, -1),
            spec("m", DataType.FLOAT32, -1, 2, 2));
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    outputs.put("m", Tensor.ofFloats(new float[] {1, 2, 3, 4}, 1, 2, 2));
    outputs.put("label", Tensor.ofLongs(new long[] {7}));
    outputs.put("scores", Tensor.ofFloats(new float[] {0.1f, 0.2f, 0.7f}, 1, 3));
    assertEquals(
        "input,instance,scores_0,scores_1,scores_2,label,m_0,m_1,m_2,m_3",
        OutputEncoder.csvHeader(outputs, signature));
  }

  @Test
  void csvRowsOnePerInstance() throws Exception {
    StringBuilder out = new StringBuilder();
    OutputEncoder.writeCsvRows(out, "batch, one.npy", two(), TWO);
    assertEquals("input,instance,scores_0,scores_1,label", OutputEncoder.csvHeader(two(), TWO));
    assertEquals(
        "\"batch, one.npy\",0,0.1,0.9,1\n\"batch, one.npy\",1,0.8,0.2,0\n", out.toString());
  }

  @Test
  void csvStringsAndNonFinite() throws Exception {
    Signature signature = outputs(spec("s", DataType.STRING, -1), spec("f", DataType.FLOAT32, -1));
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    outputs.put("s", Tensor.ofStrings(List.of(utf8("a\"b"), new byte[] {(byte) 0xff})));
    outputs.put("f", Tensor.ofFloats(new float[] {Float.NaN, Float.NEGATIVE_INFINITY}));
    StringBuilder out = new StringBuilder();
    OutputEncoder.writeCsvRows(out, "in", outputs, signature);
    assertEquals("in,0,\"a\"\"b\",NaN\nin,1,/w==,-Infinity\n", out.toString());
  }
}
