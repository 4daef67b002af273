package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models built with the writer, loaded through the Engine SPI and run. */
class LiteEngineTest {
  @TempDir Path dir;

  private Model load(LiteModel model) throws Exception {
    Path file = dir.resolve("model-" + System.nanoTime() + ".tflite");
    TfliteWriter.write(model, file);
    Model loaded = Engines.load(file, LoadOptions.DEFAULTS);
    assertEquals("lite", loaded.engine());
    return loaded;
  }

  private static float[] run(Predictor predictor, String in, Tensor x, String out)
      throws Exception {
    return predictor.predict(Map.of(in, x)).get(out).toFloatArray();
  }

  private static float mlpExpected(float x0, float x1) {
    float h0 = Math.max(0, x0 + 2 * x1);
    float h1 = Math.max(0, -x0 + x1 + 1);
    float h2 = Math.max(0, 0.5f * x0 - 2 * x1 - 0.5f);
    return h0 - h1 + 2 * h2 + 0.25f;
  }

  @Test
  void floatMlpRunsAnyBatchAndReplans() throws Exception {
    try (Model model = load(TinyMlp.model())) {
      Signature sig = model.defaultSignature();
      assertEquals("serving_default", sig.name());
      assertEquals(List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(-1, 2))), sig.inputs());
      assertEquals(List.of(new TensorSpec("y", DataType.FLOAT32, Shape.of(-1, 1))), sig.outputs());
      assertEquals("2", model.metadata().get("op.FULLY_CONNECTED"));
      try (Predictor p = model.predictor()) {
        // x = [1, 2]: h = [5, 2, 0] -> 5 - 2 + 0 + 0.25
        assertArrayEquals(
            new float[] {3.25f}, run(p, "x", Tensor.ofFloats(new float[] {1, 2}, 1, 2), "y"));
        float[][] rows = {{1, 2}, {3, -1}, {-2, 0.5f}};
        Tensor batch = Tensor.ofFloats(rows);
        Map<String, Tensor> out = p.predict(Map.of("x", batch));
        assertEquals(Shape.of(3, 1), out.get("y").shape());
        float[] ys = out.get("y").toFloatArray();
        for (int i = 0; i < rows.length; i++) {
          assertEquals(mlpExpected(rows[i][0], rows[i][1]), ys[i], 1e-6f);
        }
        // back to batch 1 after the re-plan
        assertArrayEquals(
            new float[] {3.25f}, run(p, "x", Tensor.ofFloats(new float[] {1, 2}, 1, 2), "y"));
        assertThrows(
            IllegalArgumentException.class,
            () -> p.predict(Map.of("x", Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3))));
      }
    }
  }

  @Test
  void plansOncePerInputShape() throws Exception {
    try (Model model = load(TinyMlp.model());
        LitePredictor p = (LitePredictor) model.predictor()) {
      Tensor one = Tensor.ofFloats(new float[] {1, 2}, 1, 2);
      run(p, "x", one, "y");
      Plan first = p.plan();
      Object hidden = first.buffers[3];
      run(p, "x", one, "y");
      assertSame(first, p.plan());
      assertSame(hidden, p.plan().buffers[3]);
      run(p, "x", Tensor.ofFloats(new float[] {1, 2, 3, 4}, 2, 2), "y");
      assertNotSame(first, p.plan());
      assertArrayEquals(new int[] {2, 3}, p.plan().shapes[3]);
    }
  }

  @Test
  void refusesFullyConnectedWithComputedWeightsNamingWhy() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 2);
    int w = g.tensor("w", DataType.FLOAT32, 1, 2);
    int y = g.tensor("y", DataType.FLOAT32, 1, 1);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.TANH),
        new int[] {x, w, LiteOperator.OMITTED},
        y);
    g.inputs(x, w).outputs(y);
    Path file = dir.resolve("computed-weights.tflite");
    TfliteWriter.write(b.build(), file);
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(file, LoadOptions.DEFAULTS));
    assertEquals(List.of("FULLY_CONNECTED (fused TANH)"), e.unsupported());
  }

  @Test
  void withoutSignatureDefsServesTheSubgraphTensorNames() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("input", DataType.FLOAT32, -1, 3);
    int c = g.constant("c", DataType.FLOAT32, Shape.of(3), LiteBuffer.ofFloats(1, 2, 3));
    int s = g.tensor("sum", DataType.FLOAT32, -1, 3);
    int d = g.tensor("diff", DataType.FLOAT32, -1, 3);
    int y = g.tensor("output", DataType.FLOAT32, -1, 3);
    g.operator(BuiltinOperator.ADD, new OperatorOptions.Add(Activation.NONE), new int[] {x, c}, s);
    g.operator(BuiltinOperator.SUB, new OperatorOptions.Sub(Activation.RELU), new int[] {s, x}, d);
    g.operator(BuiltinOperator.MUL, new OperatorOptions.Mul(Activation.RELU6), new int[] {d, s}, y);
    g.inputs(x).outputs(y);
    try (Model model = load(b.build())) {
      Signature sig = model.defaultSignature();
      assertEquals(Signature.DEFAULT_NAME, sig.name());
      assertEquals(List.of("input"), sig.inputNames());
      assertEquals(List.of("output"), sig.outputNames());
      try (Predictor p = model.predictor()) {
        // sum = x + c; diff = relu(sum - x) = c; y = relu6(c * sum)
        float[] out =
            run(
                p,
                "input",
                Tensor.ofFloats(new float[] {-1, 0.5f, 1, 0, -3, -2.5f}, 2, 3),
                "output");
        assertArrayEquals(new float[] {0, 5, 6, 1, 0, 1.5f}, out, 1e-6f);
      }
    }
  }

  /**
   * Int8 FULLY_CONNECTED with float input and output at the signature. Input scale 0.5, zero point
   * -1; weights [[2, -4], [8, 1]] at scale 0.25; bias [5, -8] at scale 0.125; output scale 0.1,
   * zero point -3. x = [1, -0.5] quantizes to [1, -2], i.e. [2, -1] above the zero point:
   * accumulators 2*2 - 4*-1 + 5 = 13 and 8*2 + 1*-1 - 8 = 7; times 0.125 / 0.1 = 1.25 gives 16.25
   * and 8.75, rounded 16 and 9, plus -3: int8 [13, 6], i.e. [1.6, 0.9].
   */
  @Test
  void int8FullyConnectedMatchesHandDerivedIntegers() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.INT8, QuantParams.perTensor(0.5f, -1), -1, 2);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(2, 2),
            LiteBuffer.of((byte) 2, (byte) -4, (byte) 8, (byte) 1),
            QuantParams.perTensor(0.25f, 0));
    int bias =
        g.constant(
            "b",
            DataType.INT32,
            Shape.of(2),
            LiteBuffer.ofInts(5, -8),
            QuantParams.perTensor(0.125f, 0));
    int y = g.tensor("y", DataType.INT8, QuantParams.perTensor(0.1f, -3), -1, 2);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w, bias},
        y);
    g.inputs(x).outputs(y);
    try (Model model = load(b.build())) {
      Signature sig = model.defaultSignature();
      assertEquals(DataType.FLOAT32, sig.inputs().get(0).dataType());
      assertEquals(DataType.FLOAT32, sig.outputs().get(0).dataType());
      try (Predictor p = model.predictor()) {
        float[] out = run(p, "x", Tensor.ofFloats(new float[] {1, -0.5f}, 1, 2), "y");
        float[] expected = {
          (float) ((double) 0.1f * (13 - (-3))), (float) ((double) 0.1f * (6 - (-3)))
        };
        assertArrayEquals(expected, out);
      }
    }
  }

  @Test
  void int8FullyConnectedWithoutBias() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.INT8, QuantParams.perTensor(0.5f, -1), 1, 2);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(1, 2),
            LiteBuffer.of((byte) 3, (byte) 1),
            QuantParams.perTensor(0.25f, 0));
    int y = g.tensor("y", DataType.INT8, QuantParams.perTensor(0.125f, 0), 1, 1);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.RELU),
        new int[] {x, w, LiteOperator.OMITTED},
        y);
    g.inputs(x).outputs(y);
    try (Model model = load(b.build())) {
      try (Predictor p = model.predictor()) {
        // x = [1.5, 0.5] -> q [2, 0] -> [3, 1] above zp; acc 3*3 + 1 = 10; *0.125/0.125 -> 10
        assertArrayEquals(
            new float[] {1.25f}, run(p, "x", Tensor.ofFloats(new float[] {1.5f, 0.5f}, 1, 2), "y"));
        // relu: x = [-2, -1] -> q [-5, -3] -> [-4, -2]; acc -14 -> clamped at 0
        assertArrayEquals(
            new float[] {0f}, run(p, "x", Tensor.ofFloats(new float[] {-2, -1}, 1, 2), "y"));
        // a batch of 2 goes through the fixed batch of 1 twice
        assertArrayEquals(
            new float[] {1.25f, 0f},
            run(p, "x", Tensor.ofFloats(new float[] {1.5f, 0.5f, -2, -1}, 2, 2), "y"));
      }
    }
  }

  @Test
  void reshapeSoftmaxQuantizeDequantizeChain() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 2, 2);
    int shape = g.constant("shape", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(-1, 4));
    int r = g.tensor("r", DataType.FLOAT32, -1, 4);
    int s = g.tensor("s", DataType.FLOAT32, -1, 4);
    int q = g.tensor("q", DataType.INT8, QuantParams.perTensor(1f / 256, -128), -1, 4);
    int y = g.tensor("y", DataType.FLOAT32, -1, 4);
    g.operator(
        BuiltinOperator.RESHAPE, new OperatorOptions.Reshape(List.of()), new int[] {x, shape}, r);
    g.operator(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {r}, s);
    g.operator(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {s}, q);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {q}, y);
    g.inputs(x).outputs(s, y);
    try (Model model = load(b.build())) {
      try (Predictor p = model.predictor()) {
        Map<String, Tensor> out =
            p.predict(Map.of("x", Tensor.ofFloats(new float[] {0, 0, 0, 0, 1, 2, 3, 4}, 2, 2, 2)));
        assertEquals(Shape.of(2, 4), out.get("s").shape());
        float[] soft = out.get("s").toFloatArray();
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3) + Math.exp(4);
        float[] expected = {
          0.25f,
          0.25f,
          0.25f,
          0.25f,
          (float) (Math.exp(1) / sum),
          (float) (Math.exp(2) / sum),
          (float) (Math.exp(3) / sum),
          (float) (Math.exp(4) / sum)
        };
        assertArrayEquals(expected, soft, 1e-6f);
        float[] dq = out.get("y").toFloatArray();
        for (int i = 0; i < expected.length; i++) {
          float quantized = Math.round(expected[i] * 256) / 256f;
          assertEquals(quantized, dq[i], 1e-6f, "element " + i);
        }
      }
    }
  }

  @Test
  void convPoolMeanPadConcatenate() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 3, 3, 1);
    int f =
        g.constant("f", DataType.FLOAT32, Shape.of(1, 2, 2, 1), LiteBuffer.ofFloats(1, 1, 1, 1));
    int bias = g.constant("bias", DataType.FLOAT32, Shape.of(1), LiteBuffer.ofFloats(-1));
    int c = g.tensor("c", DataType.FLOAT32, -1, 2, 2, 1);
    int m = g.tensor("m", DataType.FLOAT32, -1, 1, 1, 1);
    int pads =
        g.constant(
            "pads", DataType.INT32, Shape.of(4, 2), LiteBuffer.ofInts(0, 0, 0, 0, 1, 0, 0, 0));
    int pm = g.tensor("pm", DataType.FLOAT32, -1, 1, 2, 1);
    int axes = g.constant("axes", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(1, 2));
    int mean = g.tensor("mean", DataType.FLOAT32, -1, 1);
    int sq = g.tensor("sq", DataType.FLOAT32, -1, 2);
    int cat = g.tensor("cat", DataType.FLOAT32, -1, 3);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1, Activation.NONE),
        new int[] {x, f, bias},
        c);
    g.operator(
        BuiltinOperator.MAX_POOL_2D,
        new OperatorOptions.Pool2D(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
        new int[] {c},
        m);
    g.operator(BuiltinOperator.PAD, new OperatorOptions.Pad(), new int[] {m, pads}, pm);
    g.operator(BuiltinOperator.MEAN, new OperatorOptions.Reducer(false), new int[] {c, axes}, mean);
    g.operator(
        BuiltinOperator.SQUEEZE, new OperatorOptions.Squeeze(List.of(1, 3)), new int[] {pm}, sq);
    g.operator(
        BuiltinOperator.CONCATENATION,
        new OperatorOptions.Concatenation(1, Activation.NONE),
        new int[] {sq, mean},
        cat);
    g.inputs(x).outputs(cat);
    try (Model model = load(b.build())) {
      try (Predictor p = model.predictor()) {
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        // 2x2 sums minus 1: [11, 15, 23, 27]; max 27; padded on width before: [0, 27]; mean 19
        float[] out = run(p, "x", Tensor.ofFloats(in, 1, 3, 3, 1), "cat");
        assertArrayEquals(new float[] {0, 27, 19}, out, 1e-6f);
      }
    }
  }

  @Test
  void refusesEveryUnsupportedOperatorAtOnce() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    int idx = g.constant("idx", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(0));
    int a = g.tensor("a", DataType.FLOAT32, 1, 1);
    int c = g.tensor("c", DataType.FLOAT32, 1, 1);
    int d = g.tensor("d", DataType.FLOAT32, 1, 1);
    int y = g.tensor("y", DataType.FLOAT32, 1, 1);
    g.operator(BuiltinOperator.LSH_PROJECTION, new OperatorOptions.None(), new int[] {x, idx}, a);
    g.operator(LiteOpCode.custom("Foo"), new OperatorOptions.None(), new int[] {a}, c);
    g.operator(BuiltinOperator.LSH_PROJECTION, new OperatorOptions.None(), new int[] {c, idx}, d);
    g.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {d}, y);
    g.inputs(x).outputs(y);
    Path file = dir.resolve("unsupported.tflite");
    TfliteWriter.write(b.build(), file);
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(file, LoadOptions.DEFAULTS));
    assertEquals(List.of("LSH_PROJECTION (2x)", "CUSTOM 'Foo'"), e.unsupported());
    assertTrue(e.getMessage().contains("LSH_PROJECTION (2x), CUSTOM 'Foo'"), e.getMessage());
    assertInstanceOf(
        LiteEngine.class,
        Engines.available().stream()
            .filter(engine -> engine.name().equals("lite"))
            .findFirst()
            .orElseThrow());
  }
}
