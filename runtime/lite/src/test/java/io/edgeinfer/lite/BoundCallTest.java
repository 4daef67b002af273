package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.edgeinfer.core.BoundCall;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.models.SpeedModels;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bound calls: the caller's arrays in place, predict's results, nothing allocated per call. */
class BoundCallTest {
  @TempDir Path dir;

  private Path seedMlp() throws Exception {
    Path file = dir.resolve("seed-mlp.tflite");
    TfliteWriter.write(SpeedModels.seedMlp(), file);
    return file;
  }

  private static float[] random(Random rnd, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) rnd.nextGaussian();
    }
    return values;
  }

  @Test
  void givesPredictsBitsInTheCallersArrays() throws Exception {
    try (Model model = Engines.load(seedMlp(), "lite", LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor();
        BoundCall call = predictor.bind(Map.of("x", Shape.of(3, 32)))) {
      assertEquals(Shape.of(3, 10), call.outputShape("probabilities"));
      float[] x = new float[3 * 32];
      float[] y = new float[3 * 10];
      call.input("x", x).output("probabilities", y);
      Random rnd = new Random(3);
      for (int run = 0; run < 3; run++) {
        System.arraycopy(random(rnd, x.length), 0, x, 0, x.length);
        call.run();
        float[] expected =
            predictor
                .predict(Map.of("x", Tensor.ofFloats(x, 3, 32)))
                .get("probabilities")
                .toFloatArray();
        assertArrayEquals(expected, y, "run " + run);
        float sum = 0;
        for (int k = 0; k < 10; k++) {
          sum += y[k];
        }
        assertEquals(1f, sum, 1e-5f, "softmax row sums to 1");
      }
    }
  }

  @Test
  void allocatesNothingPerCallAfterWarmUp() throws Exception {
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (Model model = Engines.load(seedMlp(), "lite", LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor();
        BoundCall call = predictor.bind(Map.of("x", Shape.of(1, 32)))) {
      float[] x = random(new Random(7), 32);
      float[] y = new float[10];
      call.input("x", x).output("probabilities", y);
      for (int i = 0; i < 50_000; i++) {
        call.run();
      }
      // Any allocation per call shows in every window; a one-off (the JIT replacing compiled code
      // re-creates objects it had optimized away) only in one. So: the least of five windows.
      long thread = Thread.currentThread().getId();
      bean.getThreadAllocatedBytes(thread); // its own first call may allocate
      long least = Long.MAX_VALUE;
      for (int window = 0; window < 5; window++) {
        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10_000; i++) {
          call.run();
        }
        least = Math.min(least, bean.getThreadAllocatedBytes(thread) - before);
      }
      assertEquals(0, least, "bytes allocated by 10,000 bound calls (the least of five windows)");
    }
  }

  /** x[1,16,16,8] -> CONV_2D 3x3 8->16 SAME: 294,912 multiply-adds, enough to split. */
  private Path convolution() throws Exception {
    Random rnd = new Random(4);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 16, 16, 8);
    int w =
        g.constant(
            "w", DataType.FLOAT32, Shape.of(16, 3, 3, 8), LiteBuffer.ofFloats(random(rnd, 1152)));
    int bias =
        g.constant("b", DataType.FLOAT32, Shape.of(16), LiteBuffer.ofFloats(random(rnd, 16)));
    int y = g.tensor("y", DataType.FLOAT32, 1, 16, 16, 16);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1, Activation.RELU),
        new int[] {x, w, bias},
        y);
    g.inputs(x).outputs(y);
    Path file = dir.resolve("conv.tflite");
    TfliteWriter.write(b.build(), file);
    return file;
  }

  @Test
  void allocatesNothingOnTheCallersThreadWhenSplitOverThreads() throws Exception {
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (Model model = Engines.load(convolution(), "lite", LoadOptions.DEFAULTS.withThreads(2, 1));
        Predictor predictor = model.predictor();
        BoundCall call = predictor.bind(Map.of("x", Shape.of(1, 16, 16, 8)))) {
      assertTrue(ThreadGang.MIN_WORK <= 294_912, "the model's convolution is split");
      float[] x = random(new Random(8), 16 * 16 * 8);
      float[] y = new float[16 * 16 * 16];
      call.input("x", x).output("y", y);
      for (int i = 0; i < 3_000; i++) {
        call.run();
      }
      long thread = Thread.currentThread().getId();
      bean.getThreadAllocatedBytes(thread);
      long least = Long.MAX_VALUE;
      for (int window = 0; window < 5; window++) {
        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 300; i++) {
          call.run();
        }
        least = Math.min(least, bean.getThreadAllocatedBytes(thread) - before);
      }
      assertEquals(0, least, "bytes allocated by 300 split calls (the least of five windows)");
      float[] expected =
          predictor.predict(Map.of("x", Tensor.ofFloats(x, 1, 16, 16, 8))).get("y").toFloatArray();
      assertArrayEquals(expected, y);
    }
  }

  @Test
  void refusesOneArrayForTwoTensors() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    int y = g.tensor("y", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {x}, y);
    g.inputs(x).outputs(y);
    Path file = dir.resolve("relu.tflite");
    TfliteWriter.write(b.build(), file);
    try (Model model = Engines.load(file, "lite", LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor();
        BoundCall call = predictor.bind(Map.of("x", Shape.of(1, 4)))) {
      float[] values = {-1, 2, -3, 4};
      call.input("x", values);
      IllegalArgumentException twice =
          assertThrows(IllegalArgumentException.class, () -> call.output("y", values));
      assertEquals(
          "output 'y': expected an array of its own, found one already bound", twice.getMessage());
      float[] relu = new float[4];
      call.output("y", relu).output("y", relu).run();
      assertArrayEquals(new float[] {0, 2, 0, 4}, relu);
    }
  }

  @Test
  void refusesArraysThatDoNotFitSayingWhy() throws Exception {
    try (Model model = Engines.load(seedMlp(), "lite", LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor();
        BoundCall call = predictor.bind(Map.of("x", Shape.of(1, 32)))) {
      IllegalArgumentException tooShort =
          assertThrows(IllegalArgumentException.class, () -> call.input("x", new float[31]));
      assertEquals(
          "input 'x' of shape [1, 32]: expected 32 floats, found 31", tooShort.getMessage());
      IllegalArgumentException unknown =
          assertThrows(IllegalArgumentException.class, () -> call.output("y", new float[10]));
      assertEquals("expected an output among [probabilities], found 'y'", unknown.getMessage());
      assertThrows(IllegalStateException.class, call::run, "no input array yet");
      float[] shared = new float[32];
      call.input("x", shared);
      call.run(); // outputs may stay unbound
      call.input("x", shared); // the same array again, to the same input

      IllegalArgumentException wrongShape =
          assertThrows(
              IllegalArgumentException.class, () -> predictor.bind(Map.of("x", Shape.of(1, 31))));
      assertEquals(
          "input 'x': expected a shape like [-1, 32], found [31]".replace("[31]", "[1, 31]"),
          wrongShape.getMessage());
    }
  }
}
