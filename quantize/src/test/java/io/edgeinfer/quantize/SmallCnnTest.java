package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.quantize.quant.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Convolution, depthwise convolution, batch norm, pooling, mean and dense, in float32 and int8. */
class SmallCnnTest {
  @TempDir static Path dir;
  static Path model;
  static Path samples;

  @BeforeAll
  static void build() throws Exception {
    model = SmallCnn.export(dir.resolve("cnn"), 11);
    float[][] rows = SmallCnn.images(600, 5);
    float[] flat = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
    }
    samples = dir.resolve("images.npy");
    Files.write(
        samples,
        NpyCodec.write(Tensor.ofFloats(flat, rows.length, SmallCnn.SIZE, SmallCnn.SIZE, 1)));
  }

  private static QuantizeReport convert(Mode mode) throws Exception {
    return Quantizer.quantize(
        new QuantizeRequest(
            model,
            "serving_default",
            mode,
            samples,
            600,
            100,
            false,
            false,
            null,
            null,
            dir.resolve(mode.label() + ".tflite")));
  }

  @Test
  void float32FoldsBatchNormAndMatchesTensorFlow() throws Exception {
    QuantizeReport report = convert(Mode.FLOAT32);
    assertTrue(report.comparison().maxAbsDiff() < 1e-5, report.toText());
    assertEquals(null, report.operators().get("MUL"), "batch norm folded: " + report.operators());
    assertEquals(2, report.operators().get("CONV_2D"), report.toText());
    assertEquals(1, report.operators().get("DEPTHWISE_CONV_2D"), report.toText());
  }

  @Test
  void float16AndDynamicInt8RunTheirConvolutions() throws Exception {
    QuantizeReport half = convert(Mode.FLOAT16);
    assertTrue(half.comparison().maxAbsDiff() < 1e-2, half.toText());
    QuantizeReport dynamic = convert(Mode.DYNAMIC_INT8);
    assertTrue(dynamic.comparison().argmaxAgreement() >= 0.99, dynamic.toText());
    assertEquals(4, dynamic.weightErrors().size(), dynamic.toText());
  }

  @Test
  void int8IoMakesTheInputsAndOutputsInt8() throws Exception {
    Path out = dir.resolve("int8-io.tflite");
    QuantizeReport report =
        Quantizer.quantize(
            new QuantizeRequest(
                model,
                "serving_default",
                Mode.INT8,
                samples,
                600,
                100,
                false,
                true,
                null,
                null,
                out));
    assertEquals(null, report.operators().get("QUANTIZE"), report.toText());
    assertTrue(report.comparison().argmaxAgreement() >= 0.99, report.toText());
    LiteSubgraph graph = TfliteFile.open(out).mainSubgraph();
    assertEquals(DataType.INT8, graph.tensor(graph.inputs().get(0)).type());
    assertEquals(DataType.INT8, graph.tensor(graph.outputs().get(0)).type());
  }

  @Test
  void int8AgreesWithTensorFlowOnTheClass() throws Exception {
    QuantizeReport report = convert(Mode.INT8);
    assertTrue(report.comparison().argmaxAgreement() >= 0.99, report.toText());
    assertEquals(4, report.weightErrors().size(), report.toText());
  }
}
