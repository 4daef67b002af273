package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.conformance.TensorFlowLite;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Keras dilated convolution with variable input sizes, built as TensorFlow's converter writes it
 * (the paddings and crops computed from SHAPE by int32 ADD, FLOOR_MOD, SUB and PACK around
 * SPACE_TO_BATCH_ND, a VALID convolution and BATCH_TO_SPACE_ND), run at several image sizes: each
 * plan folds the shape arithmetic for its size, and the result is the dilated convolution computed
 * directly, and TensorFlow Lite 2.6.2's answer. (Google's own such model, tflite-support's {@code
 * dilated_conv.tflite}, agreed with TensorFlow Lite 2.6.2 at 1x3 to 224x224.)
 */
class VariableSizeModelTest {
  private static final int IN_C = 3;
  private static final int OUT_C = 4;
  private static final float[] BIAS = {0.1f, -0.2f, 0.3f, 0f};

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"5, 7", "8, 8", "1, 3", "12, 9"})
  void dilatedConvolutionFollowsTheInputSize(int h, int w) throws Exception {
    Path file = dir.resolve("dilated.tflite");
    TfliteWriter.write(dilatedModel().build(), file);
    float[] image = new float[h * w * IN_C];
    Random r = new Random(h * 31 + w);
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) r.nextGaussian();
    }
    float[] want = dilatedSame(image, h, w);
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      Tensor out = p.predict(Map.of("x", Tensor.ofFloats(image, 1, h, w, IN_C))).get("y");
      assertArrayEquals(new int[] {1, h, w, OUT_C}, out.shape().dims());
      assertArrayEquals(want, out.toFloatArray(), 1e-5f);
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"5, 7", "1, 3", "12, 9"})
  void tensorFlowLiteAgreesAtEverySize(int h, int w) throws Exception {
    TensorFlowLite.require();
    Path file = dir.resolve("dilated.tflite");
    TfliteWriter.write(dilatedModel().build(), file);
    float[] image = new float[h * w * IN_C];
    Random r = new Random(h * 17 + w);
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) r.nextGaussian();
    }
    ByteBuffer bytes = ByteBuffer.allocate(4 * image.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(image);
    byte[] expected = TensorFlowLite.run(file, bytes.array(), new int[] {1, h, w, IN_C})[0];
    float[] want = new float[expected.length / 4];
    ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(want);
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      Tensor out = p.predict(Map.of("x", Tensor.ofFloats(image, 1, h, w, IN_C))).get("y");
      assertArrayEquals(want, out.toFloatArray(), 1e-5f);
    }
  }

  /** The 3x3 convolution at dilation 2 with zeros around the image, as the definition says. */
  private static float[] dilatedSame(float[] image, int h, int w) {
    float[] weights = weights();
    float[] out = new float[h * w * OUT_C];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int o = 0; o < OUT_C; o++) {
          double sum = BIAS[o];
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              int iy = y + 2 * (ky - 1);
              int ix = x + 2 * (kx - 1);
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                continue;
              }
              for (int c = 0; c < IN_C; c++) {
                sum +=
                    image[(iy * w + ix) * IN_C + c] * weights[((o * 3 + ky) * 3 + kx) * IN_C + c];
              }
            }
          }
          out[(y * w + x) * OUT_C + o] = (float) sum;
        }
      }
    }
    return out;
  }

  private static float[] weights() {
    Random r = new Random(7);
    float[] weights = new float[OUT_C * 3 * 3 * IN_C];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) r.nextGaussian() * 0.3f;
    }
    return weights;
  }

  /** x [1,?,?,3] -> 3x3 convolution at dilation 2, "same" padding -> y [1,?,?,4]. */
  private static LiteModelBuilder dilatedModel() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    Shape declared = Shape.of(1, 1, 1, IN_C);
    int x =
        g.tensor(
            new LiteTensor(
                "x",
                DataType.FLOAT32,
                declared,
                Shape.of(1, -1, -1, IN_C),
                0,
                QuantParams.NONE,
                false));
    int shape = ints(g, "shape", 4);
    int hw = ints(g, "hw", 2);
    int padded = ints(g, "padded", 2);
    int over = ints(g, "over", 2);
    int missing = ints(g, "missing", 2);
    int extra = ints(g, "extra", 2);
    int padEnd = ints(g, "pad_end", 2);
    int paddings = ints(g, "paddings", 2, 2);
    int crops = ints(g, "crops", 2, 2);
    int begin = g.constant("begin", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int end = g.constant("end", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(3));
    int one = g.constant("one", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int base = g.constant("base", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(2, 2));
    int both = g.constant("both", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(4, 4));
    int block = g.constant("block", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(2, 2));
    int zeros = g.constant("zeros", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(0, 0));
    float[] weights = weights();
    int filter =
        g.constant(
            "w", DataType.FLOAT32, Shape.of(OUT_C, 3, 3, IN_C), LiteBuffer.ofFloats(weights));
    int bias = g.constant("b", DataType.FLOAT32, Shape.of(OUT_C), LiteBuffer.ofFloats(BIAS));
    int batched = floats(g, "batched", 4, 1, 1, IN_C);
    int convolved = floats(g, "convolved", 4, 1, 1, OUT_C);
    int y =
        g.tensor(
            new LiteTensor(
                "y",
                DataType.FLOAT32,
                Shape.of(1, 1, 1, OUT_C),
                Shape.of(1, -1, -1, OUT_C),
                0,
                QuantParams.NONE,
                false));
    OperatorOptions none = new OperatorOptions.None();
    g.operator(
        BuiltinOperator.SHAPE, new OperatorOptions.Shape(DataType.INT32), new int[] {x}, shape);
    g.operator(
        BuiltinOperator.STRIDED_SLICE,
        new OperatorOptions.StridedSlice(0, 0, 0, 0, 0, false),
        new int[] {shape, begin, end, one},
        hw);
    // Keras: pad 2 on each side, then enough at the end to fill whole blocks, cropped after.
    g.operator(
        BuiltinOperator.ADD,
        new OperatorOptions.Add(Activation.NONE),
        new int[] {hw, both},
        padded);
    g.operator(BuiltinOperator.FLOOR_MOD, none, new int[] {padded, block}, over);
    g.operator(
        BuiltinOperator.SUB,
        new OperatorOptions.Sub(Activation.NONE),
        new int[] {block, over},
        missing);
    g.operator(BuiltinOperator.FLOOR_MOD, none, new int[] {missing, block}, extra);
    g.operator(
        BuiltinOperator.ADD,
        new OperatorOptions.Add(Activation.NONE),
        new int[] {extra, base},
        padEnd);
    g.operator(
        BuiltinOperator.PACK, new OperatorOptions.Pack(2, 1), new int[] {base, padEnd}, paddings);
    g.operator(
        BuiltinOperator.PACK, new OperatorOptions.Pack(2, 1), new int[] {zeros, extra}, crops);
    g.operator(BuiltinOperator.SPACE_TO_BATCH_ND, none, new int[] {x, block, paddings}, batched);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1, Activation.NONE),
        new int[] {batched, filter, bias},
        convolved);
    g.operator(BuiltinOperator.BATCH_TO_SPACE_ND, none, new int[] {convolved, block, crops}, y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    return b;
  }

  private static int ints(LiteModelBuilder.Graph g, String name, int... dims) {
    return g.tensor(name, DataType.INT32, dims);
  }

  private static int floats(LiteModelBuilder.Graph g, String name, int... dims) {
    return g.tensor(name, DataType.FLOAT32, dims);
  }
}
