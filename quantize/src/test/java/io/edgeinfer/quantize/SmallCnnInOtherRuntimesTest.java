package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.quantize.reference.OpByOp;
import io.edgeinfer.quantize.reference.Runtimes;
import io.edgeinfer.quantize.reference.TensorFlowLiteRounding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small CNN (conv, depthwise conv, pooling, mean, dense, softmax) as every kind of file
 * quantize writes, run in TensorFlow Lite 2.6.2 and in TensorFlow Lite Micro's reference kernels
 * against the lite engine on 600 images.
 */
class SmallCnnInOtherRuntimesTest {
  private static final int[] EXAMPLE = {SmallCnn.SIZE, SmallCnn.SIZE, 1};
  @TempDir static Path dir;
  static Path model;
  static Path samples;
  static float[][] rows;

  @BeforeAll
  static void build() throws Exception {
    model = SmallCnn.export(dir.resolve("cnn"), 11);
    rows = SmallCnn.images(600, 5);
    float[] flat = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
    }
    samples = dir.resolve("images.npy");
    Files.write(
        samples, NpyCodec.write(Tensor.ofFloats(flat, rows.length, EXAMPLE[0], EXAMPLE[1], 1)));
  }

  private static Path convert(Mode mode, boolean int8Io) throws Exception {
    Path out = dir.resolve(mode.label() + (int8Io ? "-io" : "") + ".tflite");
    Quantizer.quantize(
        new QuantizeRequest(
            model, "serving_default", mode, samples, 600, 100, false, int8Io, null, null, out));
    return out;
  }

  private static Runtimes.Agreement inTensorFlowLite(Path tflite) throws Exception {
    Runtimes.Agreement agreement =
        Runtimes.compare(
            Runtimes.lite(tflite, rows, EXAMPLE, "scores"),
            Runtimes.tensorFlowLite(tflite, rows, EXAMPLE, "scores"),
            3);
    System.out.println("cnn " + tflite.getFileName() + " in TFLite 2.6.2: " + agreement);
    return agreement;
  }

  private static Runtimes.Agreement inMicro(Path tflite) throws Exception {
    Runtimes.Agreement agreement =
        Runtimes.compare(
            Runtimes.lite(tflite, rows, EXAMPLE, "scores"), Runtimes.micro(tflite, rows), 3);
    System.out.println("cnn " + tflite.getFileName() + " in TFLM: " + agreement);
    return agreement;
  }

  /** One output step of the int8 softmax (scale 1/256). */
  private static final double STEP = 1 / 256.0;

  @Test
  void int8AgreesWithTheReferenceKernelsWithinOneStep() throws Exception {
    Runtimes.Agreement micro = inMicro(convert(Mode.INT8, false));
    assertEquals(600, micro.sameArgmax(), micro.toString());
    assertTrue(micro.maxAbsDiff() <= STEP + 1e-6, micro.toString());
  }

  @Test
  void int8AgreesWithTensorFlowLite() throws Exception {
    for (boolean int8Io : new boolean[] {false, true}) {
      Runtimes.Agreement agreement = inTensorFlowLite(convert(Mode.INT8, int8Io));
      assertTrue(agreement.fraction() >= 0.995, agreement.toString());
      // TFLite's CONV_2D, MEAN and FULLY_CONNECTED round some values one step apart from the
      // reference kernels (int8OperatorsDifferOnlyByTensorFlowLitesOwnRounding); carried to the
      // softmax: measured 2 steps.
      assertTrue(agreement.maxAbsDiff() <= 4 * STEP, agreement.toString());
    }
  }

  /**
   * Each operator of the int8 file (per-channel and per-tensor convolution weights) alone, fed the
   * same inputs in TensorFlow Lite 2.6.2 and in the reference kernels: bit for bit, or one step
   * where TFLite's kernels round their own way; the softmax within what its inputs' steps allow.
   */
  @Test
  void int8OperatorsDifferOnlyByTensorFlowLitesOwnRounding() throws Exception {
    for (boolean perTensor : new boolean[] {false, true}) {
      Path file = dir.resolve("replay-" + perTensor + ".tflite");
      Quantizer.quantize(
          new QuantizeRequest(
              model,
              "serving_default",
              Mode.INT8,
              samples,
              600,
              100,
              perTensor,
              false,
              null,
              null,
              file));
      List<OpByOp.OpAgreement> ops = OpByOp.replay(file, OpByOp.floats(rows), rows.length, dir);
      ops.forEach(op -> System.out.println("cnn per-tensor=" + perTensor + ": " + op));
      TensorFlowLiteRounding.assertEachOperatorWithinItsBound(ops);
      for (String exact :
          new String[] {"QUANTIZE", "DEPTHWISE_CONV_2D", "MAX_POOL_2D", "AVERAGE_POOL_2D"}) {
        assertEquals(0, OpByOp.last(ops, exact).alone().max(), ops.toString());
      }
      OpByOp.OpAgreement logits = OpByOp.last(ops, "FULLY_CONNECTED");
      OpByOp.OpAgreement softmax = OpByOp.last(ops, "SOFTMAX");
      int bound = TensorFlowLiteRounding.softmaxSteps(logits.outputScale(), logits.chained().max());
      assertTrue(softmax.chained().max() <= bound, softmax + ", bound " + bound);
    }
  }

  @Test
  void floatFilesAgreeWithTensorFlowLiteAndTheReference() throws Exception {
    Path float32 = convert(Mode.FLOAT32, false);
    for (Runtimes.Agreement agreement :
        new Runtimes.Agreement[] {inTensorFlowLite(float32), inMicro(float32)}) {
      assertEquals(600, agreement.sameArgmax(), agreement.toString());
      assertTrue(agreement.maxAbsDiff() < 1e-5, agreement.toString());
    }
    // TFLM cannot dequantize float16 constants; TFLite 2.6.2 can.
    Runtimes.Agreement half = inTensorFlowLite(convert(Mode.FLOAT16, false));
    assertEquals(600, half.sameArgmax(), half.toString());
    assertTrue(half.maxAbsDiff() < 1e-5, half.toString());
  }

  @Test
  void dynamicInt8AgreesWithTensorFlowLite() throws Exception {
    // Hybrid layers: TFLite quantizes their inputs at run time, the lite engine keeps them float.
    Runtimes.Agreement agreement = inTensorFlowLite(convert(Mode.DYNAMIC_INT8, false));
    assertTrue(agreement.fraction() >= 0.995, agreement.toString());
    assertTrue(agreement.maxAbsDiff() < 0.05, agreement.toString());
  }
}
