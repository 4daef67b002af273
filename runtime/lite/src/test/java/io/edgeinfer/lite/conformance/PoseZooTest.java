package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MoveNet SinglePose Lightning (int8, TF2 post-training quantization, from Google Coral's test
 * data): 17 keypoints as (y, x, score), found with ARG_MAX, FLOOR_DIV and GATHER_ND on its
 * heatmaps. TensorFlow Lite Micro runs neither its first op (CAST from uint8) nor int32 FLOOR_DIV,
 * so the oracle checks the network between them (every convolution, all the int8 arithmetic) and
 * TensorFlow Lite 2.6.2 the whole model.
 */
class PoseZooTest {
  private static final String MOVENET = "movenet_single_pose_lightning_ptq.tflite";

  @TempDir Path dir;

  /**
   * The model without its CAST (the float input is the cast's output) and cut before its first
   * FLOOR_DIV: its outputs are every tensor the cut-off rest reads (the heatmaps and the features
   * the keypoint heads take).
   */
  @Test
  void moveNetsNetworkMatchesTheOracleBitForBit() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    LiteModel model = TfliteFile.open(Zoo.file(MOVENET));
    LiteSubgraph g = model.mainSubgraph();
    int end = 0;
    while (!model.opCode(g.operators().get(end)).toString().startsWith("FLOOR_DIV")) {
      end++;
    }
    List<LiteOperator> kept = g.operators().subList(1, end);
    Set<Integer> made = new LinkedHashSet<>();
    kept.forEach(op -> made.addAll(op.outputs()));
    Set<Integer> outputs = new LinkedHashSet<>();
    for (LiteOperator op : g.operators().subList(end, g.operators().size())) {
      op.inputs().stream().filter(made::contains).forEach(outputs::add);
    }
    int castOutput = g.operators().get(0).outputs().get(0);
    LiteSubgraph cut =
        new LiteSubgraph(
            g.name(), g.tensors(), List.of(castOutput), new ArrayList<>(outputs), kept);
    Path file = dir.resolve("movenet-network.tflite");
    TfliteWriter.write(
        new LiteModel(
            model.version(),
            model.description(),
            model.operatorCodes(),
            List.of(cut),
            model.buffers(),
            List.of(),
            List.of()),
        file);
    assertEquals(89, kept.size());
    // Two input sets; per set the centre heatmap's ARG_MAX (one int32) and the 48x48x24 int8
    // features the keypoint heads read, bit for bit.
    assertEquals(2 * (4 + 48 * 48 * 24), OracleRuns.compare(oracle, file, 2, 31));
  }

  /**
   * The whole model on Grace Hopper's portrait against TensorFlow Lite 2.6.2, whose optimized int8
   * kernels round differently from the reference arithmetic (the test above): the same keypoints on
   * her face and shoulders, within two heatmap cells (2/48 of the frame).
   */
  @Test
  void moveNetFindsTheKeypointsTensorFlowLiteFinds() throws Exception {
    TensorFlowLite.require();
    Path model = Zoo.file(MOVENET);
    byte[] pixels = Zoo.rgb("grace_hopper.bmp", 192, 192);
    int[] shape = {1, 192, 192, 3};
    float[] want = floats(TensorFlowLite.run(model, pixels, shape)[0]);
    float[] got;
    try (Model loaded = Engines.load(model, LoadOptions.DEFAULTS);
        Predictor p = loaded.predictor()) {
      Tensor image = Tensor.of(DataType.UINT8, Shape.of(shape), ByteBuffer.wrap(pixels));
      got =
          p.predict(Map.of(p.signature().inputs().get(0).name(), image))
              .get(p.signature().outputNames().get(0))
              .toFloatArray();
    }
    assertEquals(17 * 3, got.length);
    for (int k = 0; k < 17; k++) {
      System.out.printf(
          "keypoint %2d: TFLite (%.3f, %.3f) %.3f, lite (%.3f, %.3f) %.3f%n",
          k,
          want[3 * k],
          want[3 * k + 1],
          want[3 * k + 2],
          got[3 * k],
          got[3 * k + 1],
          got[3 * k + 2]);
    }
    // Nose, eyes, ears and shoulders (0-6): on her, in both runtimes.
    for (int k = 0; k <= 6; k++) {
      String what = "keypoint " + k;
      assertEquals(want[3 * k], got[3 * k], 2 / 48f, what + " y");
      assertEquals(want[3 * k + 1], got[3 * k + 1], 2 / 48f, what + " x");
    }
  }

  private static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
