package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.lite.conformance.TflmOracle;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.train.TrainedModelWriter;
import io.edgeinfer.train.Trainer;
import io.edgeinfer.train.TrainingConfig;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quantize report's line on the written file in TensorFlow Lite's reference kernels ({@code
 * tflm_oracle}) against the lite engine, on a trained 16-feature, 4-class network.
 */
class ReferenceLineTest {
  @TempDir static Path dir;
  static Path model;
  static Path samples;

  @BeforeAll
  static void train() throws Exception {
    float[][] rows = Clusters.generate(600, 16, 4, 1.0, 11);
    float[][] x = new float[rows.length][16];
    float[] y = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, x[r], 0, 16);
      y[r] = rows[r][16];
    }
    model = dir.resolve("net");
    TrainedModelWriter.prepare(model, false);
    TrainedModelWriter.write(
        Trainer.train(new Dataset(x, y, "clusters", "none"), TrainingConfig.DEFAULTS, (r, n) -> {}),
        model);
    samples = dir.resolve("samples.npy");
    Files.write(samples, NpyCodec.write(Tensor.ofFloats(x)));
  }

  private static QuantizeReport convert(Mode mode, boolean int8Io) throws Exception {
    TflmOracle.require();
    Path oracle =
        Path.of(System.getProperty("edgeinfer.shared", "../shared"))
            .resolve("tools/tflm-oracle/tflm_oracle")
            .toAbsolutePath();
    Path out = dir.resolve(mode.label() + (int8Io ? "-io" : "") + ".tflite");
    QuantizeReport report =
        Quantizer.quantize(
            new QuantizeRequest(
                model, "serving_default", mode, samples, 300, 100, false, int8Io, null, null, out),
            oracle);
    System.out.println(report.toText());
    return report;
  }

  @Test
  void int8IsBitForBitTheReferencesOnEverySample() throws Exception {
    QuantizeReport report = convert(Mode.INT8, false);
    ReferenceComparison reference = report.reference();
    assertTrue(reference.ran(), report.toText());
    assertEquals(300, reference.samples());
    assertEquals(0.0, reference.maxAbsDiff(), report.toText());
    assertEquals(1.0, reference.argmaxAgreement(), report.toText());
    assertTrue(reference.checkedCopy().contains("ARG_MAX gives int32"), reference.checkedCopy());
    assertTrue(
        report
            .toText()
            .contains(
                "against the TFLite reference, tflm_oracle (tflite-micro 90b983c2), on 300"
                    + " samples: max |diff| from the lite engine 0, argmax agreement 100.00%"),
        report.toText());
    assertTrue(report.toJson().contains("\"against_tflite_reference\""), report.toJson());
  }

  @Test
  void int8InputsAndOutputsToo() throws Exception {
    ReferenceComparison reference = convert(Mode.INT8, true).reference();
    assertEquals(0.0, reference.maxAbsDiff(), reference.toString());
    assertEquals(1.0, reference.argmaxAgreement(), reference.toString());
  }

  @Test
  void float32AgreesWithinFloatRounding() throws Exception {
    ReferenceComparison reference = convert(Mode.FLOAT32, false).reference();
    assertTrue(reference.ran(), reference.toString());
    assertTrue(reference.maxAbsDiff() < 1e-5, reference.toString());
    assertEquals(1.0, reference.argmaxAgreement(), reference.toString());
  }

  @Test
  void aHybridFileIsReportedAsRefusedWithTheReferencesReason() throws Exception {
    QuantizeReport report = convert(Mode.DYNAMIC_INT8, false);
    ReferenceComparison reference = report.reference();
    // TFLite Micro runs no hybrid (float activations, int8 weights) kernels.
    assertTrue(!reference.ran(), reference.toString());
    assertTrue(report.toText().contains(": not run, it refused the file: "), report.toText());
  }
}
