package io.edgeinfer.tensorflow.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * SavedModels that the tests build with TF Java, so that the project's tests never depend on files
 * made elsewhere. Each has answers that can be computed by hand.
 */
public final class TestSavedModels {
  /** The affine model's weights: y = x · W + B. */
  public static final float[][] W = {{1, 2}, {3, 4}, {5, 6}};

  public static final float[] B = {0.5f, -1f};

  private TestSavedModels() {}

  /**
   * Signature {@code serving_default}: x float [-1, 3] → y float [-1, 2] = x·W + B and total float
   * [-1] = the sum of y's row; signature {@code double}: x float [-1, 3] → z = 2x. W is a variable,
   * so loading also restores a checkpoint.
   */
  public static Path affine(Path dir) throws IOException {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Variable<TFloat32> w = tf.withInitScope().withName("w").variable(tf.constant(W));
      Operand<TFloat32> y = tf.withName("y").math.add(tf.linalg.matMul(x, w), tf.constant(B));
      Operand<TFloat32> total = tf.withName("total").sum(y, tf.constant(1));
      Operand<TFloat32> z = tf.withName("z").math.mul(x, tf.constant(2f));
      session.initialize();
      Signature serving =
          Signature.builder()
              .key(Signature.DEFAULT_KEY)
              .input("x", x)
              .output("y", y)
              .output("total", total)
              .build();
      Signature doubling = Signature.builder().key("double").input("x", x).output("z", z).build();
      SavedModelBundle.exporter(dir.toString())
          .withFunctions(
              SessionFunction.create(serving, session), SessionFunction.create(doubling, session))
          .export();
    }
    return dir;
  }

  /**
   * Signature {@code serving_default}: text string [-1] and count int64 [-1] → length int32 [-1]
   * (bytes in each text) and next int64 [-1] = count + 1.
   */
  public static Path strings(Path dir) throws IOException {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TString> text =
          tf.withName("text").placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
      Placeholder<TInt64> count =
          tf.withName("count").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
      Operand<TInt32> length = tf.withName("length").strings.stringLength(text);
      Operand<TInt64> next = tf.withName("next").math.add(count, tf.constant(1L));
      Signature serving =
          Signature.builder()
              .key(Signature.DEFAULT_KEY)
              .input("text", text)
              .input("count", count)
              .output("length", length)
              .output("next", next)
              .build();
      SavedModelBundle.exporter(dir.toString())
          .withFunction(SessionFunction.create(serving, session))
          .export();
    }
    return dir;
  }

  /**
   * Two signatures with different inputs, so a request decoded for the wrong one fails: {@code
   * add}: a, b float [-1] → sum = a + b; {@code negate}: x float [-1, 3] → y = -x. No {@code
   * serving_default}.
   */
  public static Path addAndNegate(Path dir) throws IOException {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> a =
          tf.withName("a").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Placeholder<TFloat32> b =
          tf.withName("b").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Placeholder<TFloat32> x =
          tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Operand<TFloat32> sum = tf.withName("sum").math.add(a, b);
      Operand<TFloat32> y = tf.withName("y").math.neg(x);
      Signature add =
          Signature.builder().key("add").input("a", a).input("b", b).output("sum", sum).build();
      Signature negate = Signature.builder().key("negate").input("x", x).output("y", y).build();
      SavedModelBundle.exporter(dir.toString())
          .withFunctions(
              SessionFunction.create(add, session), SessionFunction.create(negate, session))
          .export();
    }
    return dir;
  }
}
