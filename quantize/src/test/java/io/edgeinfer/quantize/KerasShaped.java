package io.edgeinfer.quantize;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Graphs built with TF Java the way Keras writes its layers into a SavedModel, seeded weights in
 * variables: {@link #conv1d} (Conv1D and MaxPooling1D as ExpandDims, the 2-D op, Squeeze; a rank-3
 * BatchNormalization, unfused, as Mul and Add of constants; Flatten as Shape, StridedSlice, Pack
 * and Reshape; Dropout as Identity; Dense; softmax head) and {@link #conv2d} (Conv2D with batch
 * norm and ReLU6, hard-swish as x * relu6(x + 3) * 1/6 and again as x * relu6(x + 3) / 6, a
 * residual add, UpSampling2D as bilinear and nearest resizes, max pooling, concatenation, global
 * average pooling, Dense, sigmoid head).
 */
final class KerasShaped {
  static final int STEPS = 16;
  static final int CHANNELS = 2;
  static final int SIZE = 8;

  private KerasShaped() {}

  /** Input {@code series} [-1, 16, 2], output {@code scores} [-1, 4] (softmax). */
  static Path conv1d(Path dir, long seed) throws java.io.IOException {
    Random random = new Random(seed);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> series =
          tf.withName("series")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, STEPS, CHANNELS)));
      Operand<TFloat32> x = conv1d(tf, random, series, 3, CHANNELS, 8);
      x = tf.nn.relu(x);
      x = maxPool1d(tf, x);
      x = conv1d(tf, random, x, 3, 8, 8);
      x = tf.nn.relu(unfusedBatchNorm(tf, random, x, 8));
      x = maxPool1d(tf, x); // [-1, 4, 8]
      // Keras Flatten: reshape to (batch, -1), the batch read from the tensor's shape.
      Operand<TInt32> batch =
          tf.stridedSlice(
              tf.shape(x),
              tf.constant(new int[] {0}),
              tf.constant(new int[] {1}),
              tf.constant(new int[] {1}),
              org.tensorflow.op.core.StridedSlice.shrinkAxisMask(1L));
      x = tf.reshape(x, tf.stack(List.of(batch, tf.constant(-1))));
      x = tf.nn.relu(dense(tf, random, x, 32, 16));
      x = tf.identity(x); // Dropout at inference
      Operand<TFloat32> scores = tf.withName("scores").nn.softmax(dense(tf, random, x, 16, 4));
      export(dir, session, tf, series, "series", scores);
    }
    return dir;
  }

  /** Input {@code image} [-1, 8, 8, 3], output {@code scores} [-1, 3] (sigmoid). */
  static Path conv2d(Path dir, long seed) throws java.io.IOException {
    Random random = new Random(seed);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.withName("image")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, 3)));
      List<Long> one = List.of(1L, 1L, 1L, 1L);
      Operand<TFloat32> x =
          tf.nn.conv2d(image, SmallCnn.variable(tf, random, 3, 3, 3, 8), one, "SAME");
      x = batchNorm(tf, random, x, 8);
      x = tf.nn.relu6(x);
      // Keras hard-swish: x * relu6(x + 3) * (1 / 6)
      Operand<TFloat32> hardSigmoid =
          tf.math.mul(tf.nn.relu6(tf.math.add(x, tf.constant(3f))), tf.constant(1f / 6f));
      x = tf.math.mul(x, hardSigmoid);
      // The same written as people write it by hand: x * relu6(x + 3) / 6 (RealDiv).
      x =
          tf.math.realDiv(
              tf.math.mul(x, tf.nn.relu6(tf.math.add(x, tf.constant(3f)))), tf.constant(6f));
      // A residual block: x + relu(conv1x1(x))
      Operand<TFloat32> branch =
          tf.nn.relu(
              tf.nn.biasAdd(
                  tf.nn.conv2d(x, SmallCnn.variable(tf, random, 1, 1, 8, 8), one, "SAME"),
                  SmallCnn.variable(tf, random, 8)));
      x = tf.math.add(x, branch);
      // UpSampling2D both ways, side by side.
      Operand<TInt32> size = tf.constant(new int[] {2 * SIZE, 2 * SIZE});
      Operand<TFloat32> bilinear =
          tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(true));
      Operand<TFloat32> nearest =
          tf.image.resizeNearestNeighbor(x, size, ResizeNearestNeighbor.halfPixelCenters(true));
      x = tf.concat(List.of(bilinear, nearest), tf.constant(-1)); // [-1, 16, 16, 16]
      x =
          tf.nn.maxPool(
              x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
      x = tf.nn.relu(tf.nn.conv2d(x, SmallCnn.variable(tf, random, 3, 3, 16, 12), one, "VALID"));
      Operand<TFloat32> pooled = tf.math.mean(x, tf.constant(new int[] {1, 2}));
      Operand<TFloat32> scores =
          tf.withName("scores").math.sigmoid(dense(tf, random, pooled, 12, 3));
      export(dir, session, tf, image, "image", scores);
    }
    return dir;
  }

  /**
   * Input {@code x} [-1, 8], output {@code scores} [-1, 3]: Dense, ReLU(max_value=4) as Keras
   * writes it (clip_by_value: Minimum, then Maximum), Dense, Keras 2's hard_sigmoid head (clip(0.2
   * x + 0.5, 0, 1)).
   */
  static Path clipped(Path dir, long seed) throws java.io.IOException {
    Random random = new Random(seed);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8)));
      Operand<TFloat32> y = clip(tf, dense(tf, random, x, 8, 16), 0f, 4f);
      Operand<TFloat32> logits = dense(tf, random, y, 16, 3);
      Operand<TFloat32> scores =
          tf.withName("scores")
              .math
              .maximum(
                  tf.math.minimum(
                      tf.math.add(tf.math.mul(logits, tf.constant(0.2f)), tf.constant(0.5f)),
                      tf.constant(1f)),
                  tf.constant(0f));
      export(dir, session, tf, x, "x", scores);
    }
    return dir;
  }

  /**
   * Input {@code series} [-1, 16, 2], output {@code scores} [-1, 4]: Conv1D, ReLU,
   * GlobalMaxPooling1D (Max over the steps), Dense, softmax head.
   */
  static Path globalMax(Path dir, long seed) throws java.io.IOException {
    Random random = new Random(seed);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> series =
          tf.withName("series")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, STEPS, CHANNELS)));
      Operand<TFloat32> x = tf.nn.relu(conv1d(tf, random, series, 3, CHANNELS, 8));
      x = tf.max(x, tf.constant(new int[] {1}));
      Operand<TFloat32> scores = tf.withName("scores").nn.softmax(dense(tf, random, x, 8, 4));
      export(dir, session, tf, series, "series", scores);
    }
    return dir;
  }

  /** tf.clip_by_value: Minimum with the top, then Maximum with the bottom. */
  private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> x, float low, float high) {
    return tf.math.maximum(tf.math.minimum(x, tf.constant(high)), tf.constant(low));
  }

  /** Input {@code x} [-1, 4]: ELU and a sine (no mapping) between two Dense layers. */
  static Path unmapped(Path dir, long seed) throws java.io.IOException {
    Random random = new Random(seed);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4)));
      Operand<TFloat32> y = tf.math.sin(tf.nn.elu(dense(tf, random, x, 4, 8)));
      Operand<TFloat32> scores = tf.withName("scores").nn.softmax(dense(tf, random, y, 8, 2));
      export(dir, session, tf, x, "x", scores);
    }
    return dir;
  }

  private static void export(
      Path dir,
      Session session,
      Ops tf,
      Placeholder<TFloat32> input,
      String inputName,
      Operand<TFloat32> scores)
      throws java.io.IOException {
    session.initialize();
    SavedModelBundle.exporter(dir.toString())
        .withFunction(
            SessionFunction.create(
                Signature.builder()
                    .key(Signature.DEFAULT_KEY)
                    .input(inputName, input)
                    .output("scores", scores)
                    .build(),
                session))
        .export();
  }

  /** Keras Conv1D: expand to [N, 1, W, C], Conv2D with a [1, k, in, out] filter, squeeze, bias. */
  private static Operand<TFloat32> conv1d(
      Ops tf, Random random, Operand<TFloat32> x, int k, int in, int out) {
    Operand<TFloat32> wide = tf.expandDims(x, tf.constant(-3));
    Operand<TFloat32> filter =
        tf.expandDims(SmallCnn.variable(tf, random, k, in, out), tf.constant(0));
    Operand<TFloat32> y = tf.nn.conv2d(wide, filter, List.of(1L, 1L, 1L, 1L), "SAME");
    y = tf.squeeze(y, Squeeze.axis(List.of(-3L)));
    return tf.nn.biasAdd(y, SmallCnn.variable(tf, random, out));
  }

  /** Keras MaxPooling1D(2): expand to [N, W, 1, C], pool 2x1, squeeze. */
  private static Operand<TFloat32> maxPool1d(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> tall = tf.expandDims(x, tf.constant(2));
    Operand<TFloat32> pooled =
        tf.nn.maxPool(
            tall,
            tf.constant(new int[] {1, 2, 1, 1}),
            tf.constant(new int[] {1, 2, 1, 1}),
            "VALID");
    return tf.squeeze(pooled, Squeeze.axis(List.of(2L)));
  }

  private static Operand<TFloat32> dense(
      Ops tf, Random random, Operand<TFloat32> x, int in, int out) {
    return tf.nn.biasAdd(
        tf.linalg.matMul(x, SmallCnn.variable(tf, random, in, out)),
        SmallCnn.variable(tf, random, out));
  }

  /**
   * Keras BatchNormalization of a rank-3 tensor (not fused): x * (gamma * rsqrt(var + eps)) + (beta
   * - mean * that), the statistics in variables.
   */
  private static Operand<TFloat32> unfusedBatchNorm(
      Ops tf, Random random, Operand<TFloat32> x, int channels) {
    Operand<TFloat32> scale =
        tf.math.mul(
            SmallCnn.positive(tf, random, channels),
            tf.math.rsqrt(
                tf.math.add(SmallCnn.positive(tf, random, channels), tf.constant(1e-3f))));
    Operand<TFloat32> shift =
        tf.math.sub(
            SmallCnn.variable(tf, random, channels),
            tf.math.mul(SmallCnn.variable(tf, random, channels), scale));
    return tf.math.add(tf.math.mul(x, scale), shift);
  }

  private static Operand<TFloat32> batchNorm(
      Ops tf, Random random, Operand<TFloat32> x, int channels) {
    return tf.nn
        .fusedBatchNorm(
            x,
            SmallCnn.positive(tf, random, channels),
            SmallCnn.variable(tf, random, channels),
            SmallCnn.variable(tf, random, channels),
            SmallCnn.positive(tf, random, channels),
            FusedBatchNorm.isTraining(false),
            FusedBatchNorm.epsilon(1e-3f))
        .y();
  }

  /** Seeded random rows of {@code width} values in [-1, 1] with some structure. */
  static float[][] rows(int count, int width, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[count][width];
    for (float[] row : rows) {
      double phase = random.nextDouble() * 6;
      for (int i = 0; i < width; i++) {
        row[i] = (float) (Math.sin(phase + i * 0.7) * 0.8 + 0.2 * random.nextGaussian());
      }
    }
    return rows;
  }
}
