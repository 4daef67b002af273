package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.MetadataLabels;
import io.edgeinfer.lite.format.PackedFiles;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteMetadata;
import io.edgeinfer.lite.format.TfliteVerifier;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.train.TrainedModelWriter;
import io.edgeinfer.train.Trainer;
import io.edgeinfer.train.TrainingConfig;
import io.edgeinfer.train.TrainingResult;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed network made by {@code train} (32 features, 64-64 ReLU, 10 classes) converted in every
 * mode and run in the lite engine against TensorFlow on the training data.
 */
class TrainedMlpTest {
  @TempDir static Path dir;
  static Path model;
  static Path samples;

  @BeforeAll
  static void train() throws Exception {
    float[][] rows = Clusters.generate(2000, 32, 10, 1.0, 7);
    float[][] x = new float[rows.length][32];
    float[] y = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, x[r], 0, 32);
      y[r] = rows[r][32];
    }
    TrainingResult result =
        Trainer.train(new Dataset(x, y, "clusters", "none"), TrainingConfig.DEFAULTS, (r, n) -> {});
    model = dir.resolve("seed");
    TrainedModelWriter.prepare(model, false);
    TrainedModelWriter.write(result, model);
    samples = dir.resolve("seed.npy");
    Files.write(samples, NpyCodec.write(Tensor.ofFloats(rows)));
  }

  private static QuantizeReport convert(Mode mode) throws Exception {
    Path out = dir.resolve(mode.label() + ".tflite");
    return Quantizer.quantize(
        new QuantizeRequest(
            model, "serving_default", mode, samples, 1000, 100, false, false, samples, null, out));
  }

  @Test
  void float32MatchesTensorFlow() throws Exception {
    QuantizeReport report = convert(Mode.FLOAT32);
    assertTrue(report.comparison().maxAbsDiff() < 1e-5, report.toText());
    assertEquals(1.0, report.comparison().argmaxAgreement(), report.toText());
    assertEquals(3, report.operators().get("FULLY_CONNECTED"), report.toText());
    assertEquals(report.accuracyBefore(), report.accuracyAfter(), 1e-9, report.toText());
  }

  @Test
  void float16WeightsStayWithinOneHundredth() throws Exception {
    QuantizeReport float32 = convert(Mode.FLOAT32);
    QuantizeReport report = convert(Mode.FLOAT16);
    assertTrue(report.comparison().maxAbsDiff() < 1e-2, report.toText());
    assertTrue(report.comparison().argmaxAgreement() >= 0.99, report.toText());
    assertTrue(report.operators().get("DEQUANTIZE") >= 6, report.toText());
    assertTrue(report.tfliteBytes() < 0.6 * float32.tfliteBytes(), report.toText());
    verifies(report);
  }

  @Test
  void dynamicInt8KeepsFloatActivations() throws Exception {
    QuantizeReport report = convert(Mode.DYNAMIC_INT8);
    assertTrue(report.comparison().argmaxAgreement() >= 0.99, report.toText());
    assertTrue(report.accuracyDrop() <= 0.5, report.toText());
    assertEquals(null, report.operators().get("QUANTIZE"), report.toText());
    assertEquals(3, report.weightErrors().size(), report.toText());
    verifies(report);
  }

  /** Every table and vector of the written file lies in bounds. */
  private static void verifies(QuantizeReport report) throws Exception {
    TfliteVerifier.verify(ByteBuffer.wrap(Files.readAllBytes(Path.of(report.out()))));
  }

  @Test
  void int8AgreesOnTheClassAndIsLessThanHalfTheSize() throws Exception {
    QuantizeReport float32 = convert(Mode.FLOAT32);
    QuantizeReport report = convert(Mode.INT8);
    assertTrue(report.comparison().argmaxAgreement() >= 0.99, report.toText());
    assertTrue(report.accuracyDrop() <= 0.5, report.toText());
    // 4x on the weights; per-channel scales, int32 biases and the tables take back some of it.
    assertTrue(2 * report.tfliteBytes() < float32.tfliteBytes(), report.toText());
    assertEquals(3, report.weightErrors().size(), report.toText());
    verifies(report);
  }

  /**
   * As TFLite's quantization spec and versioning say: FULLY_CONNECTED weights per tensor, int8
   * FULLY_CONNECTED version 4, int8 SOFTMAX 2, int8 DEQUANTIZE 2 (TFLite 2.6.2 read per-channel
   * version-1 FULLY_CONNECTED as float/uint8 and answered 0.1015625 for every class).
   */
  @Test
  void int8FollowsTheSpecAndTheOperatorVersions() throws Exception {
    QuantizeReport report = convert(Mode.INT8);
    LiteModel file = TfliteFile.open(Path.of(report.out()));
    List<String> codes = file.operatorCodes().stream().map(LiteOpCode::displayName).toList();
    assertTrue(codes.contains("FULLY_CONNECTED v4"), codes.toString());
    assertTrue(codes.contains("SOFTMAX v2"), codes.toString());
    assertTrue(codes.contains("DEQUANTIZE v2"), codes.toString());
    assertFalse(codes.contains("FULLY_CONNECTED"), codes.toString());
    for (LiteOperator op : file.mainSubgraph().operators()) {
      if (file.opCode(op).is(BuiltinOperator.FULLY_CONNECTED)) {
        LiteTensor weights = file.mainSubgraph().tensor(op.input(1));
        assertEquals(1, weights.quantization().scales().length, weights.toString());
      }
    }
  }

  @Test
  void theFileCarriesTheModelCardAndSoTheClassLabels() throws Exception {
    QuantizeReport report = convert(Mode.INT8);
    try (io.edgeinfer.core.Model lite =
        new io.edgeinfer.lite.LiteEngine()
            .load(Path.of(report.out()), io.edgeinfer.core.LoadOptions.DEFAULTS)) {
      assertEquals(
          List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
          io.edgeinfer.core.ModelCard.of(lite).orElseThrow().classLabels());
    }
  }

  @Test
  void dynamicInt8FullyConnectedIsHybridVersion3PerTensor() throws Exception {
    QuantizeReport report = convert(Mode.DYNAMIC_INT8);
    LiteModel file = TfliteFile.open(Path.of(report.out()));
    List<String> codes = file.operatorCodes().stream().map(LiteOpCode::displayName).toList();
    assertEquals(List.of("SUB", "MUL", "FULLY_CONNECTED v3", "SOFTMAX", "ARG_MAX"), codes);
  }

  @Test
  void theAccuracyGateRefusesAndWritesNothing() throws Exception {
    Path out = dir.resolve("gated.tflite");
    AccuracyGateException e =
        assertThrows(
            AccuracyGateException.class,
            () ->
                Quantizer.quantize(
                    new QuantizeRequest(
                        model,
                        "serving_default",
                        Mode.INT8,
                        samples,
                        1000,
                        100,
                        false,
                        false,
                        samples,
                        -1.0,
                        out)));
    assertTrue(e.getMessage().startsWith("accuracy dropped by "), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void theFileCarriesTfliteStandardMetadataWithTheCardsLabels() throws Exception {
    convert(Mode.INT8);
    Path file = dir.resolve("int8.tflite");
    TfliteMetadata m =
        TfliteMetadata.read(TfliteFile.open(file).metadata(TfliteMetadata.ENTRY).orElseThrow());
    assertEquals("seed", m.name());
    assertEquals("edgeinfer quantize", m.author());
    assertEquals(
        "Signature 'serving_default' of the SavedModel seed, converted by edgeinfer quantize (mode"
            + " int8).",
        m.description());
    assertEquals("labels.txt", m.axisLabelsFile().orElseThrow());
    assertEquals(java.util.Map.of("labels.txt", 10L), PackedFiles.lineCounts(file));
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
        MetadataLabels.read(TfliteFile.open(file), file));
  }
}
