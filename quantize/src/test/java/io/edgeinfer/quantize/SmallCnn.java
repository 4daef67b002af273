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
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * A small image classifier built with TF Java: conv 3x3 (8) + bias + batch norm + ReLU, depthwise
 * 3x3 + bias + ReLU6, max pool 2x2, average pool 2x2, conv 1x1 (16), global mean, dense to 3
 * classes, softmax. Weights are seeded random values in variables (VariableV2), batch-norm
 * statistics too; input {@code image} [-1, 12, 12, 1], output {@code scores} [-1, 3].
 */
final class SmallCnn {
  static final int SIZE = 12;

  private SmallCnn() {}

  static Path export(Path dir, long seed) throws java.io.IOException {
    Random random = new Random(seed);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.withName("image")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, 1)));
      List<Long> one = List.of(1L, 1L, 1L, 1L);
      Operand<TFloat32> x = tf.nn.conv2d(image, variable(tf, random, 3, 3, 1, 8), one, "SAME");
      x = tf.nn.biasAdd(x, variable(tf, random, 8));
      x =
          tf.nn
              .fusedBatchNorm(
                  x,
                  positive(tf, random, 8),
                  variable(tf, random, 8),
                  variable(tf, random, 8),
                  positive(tf, random, 8),
                  FusedBatchNorm.isTraining(false),
                  FusedBatchNorm.epsilon(1e-3f))
              .y();
      x = tf.nn.relu(x);
      x = tf.nn.depthwiseConv2dNative(x, variable(tf, random, 3, 3, 8, 1), one, "SAME");
      x = tf.nn.relu6(tf.nn.biasAdd(x, variable(tf, random, 8)));
      x =
          tf.nn.maxPool(
              x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
      x = tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "VALID");
      x = tf.nn.relu(tf.nn.conv2d(x, variable(tf, random, 1, 1, 8, 16), one, "VALID"));
      Operand<TFloat32> pooled = tf.math.mean(x, tf.constant(new int[] {1, 2}));
      Operand<TFloat32> logits =
          tf.math.add(
              tf.linalg.matMul(pooled, variable(tf, random, 16, 3)), variable(tf, random, 3));
      Operand<TFloat32> scores = tf.withName("scores").nn.softmax(logits);
      session.initialize();
      SavedModelBundle.exporter(dir.toString())
          .withFunction(
              SessionFunction.create(
                  Signature.builder()
                      .key(Signature.DEFAULT_KEY)
                      .input("image", image)
                      .output("scores", scores)
                      .build(),
                  session))
          .export();
    }
    return dir;
  }

  static Operand<TFloat32> variable(Ops tf, Random random, int... dims) {
    float[] values = new float[size(dims)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 0.5);
    }
    return tf.withInitScope().variable(constant(tf, values, dims));
  }

  static Operand<TFloat32> positive(Ops tf, Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = 0.5f + random.nextFloat();
    }
    return tf.withInitScope().variable(constant(tf, values, n));
  }

  static Operand<TFloat32> constant(Ops tf, float[] values, int... dims) {
    long[] shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = dims[i];
    }
    return tf.constant(Shape.of(shape), org.tensorflow.ndarray.buffer.DataBuffers.of(values));
  }

  private static int size(int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** Images with a bright blob at a seeded place on noise, flattened, one per row. */
  static float[][] images(int count, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[count][SIZE * SIZE];
    for (float[] row : rows) {
      int cy = random.nextInt(SIZE);
      int cx = random.nextInt(SIZE);
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
          row[y * SIZE + x] = (float) (Math.exp(-d2 / 6) + 0.2 * random.nextGaussian());
        }
      }
    }
    return rows;
  }
}
