package io.edgeinfer.train;

import io.edgeinfer.train.data.Normalization;
import io.edgeinfer.train.data.NormalizationMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Writes an inference-only SavedModel: a fresh graph with the normalization baked in and the
 * trained weights in variables (so they live in {@code variables/}, not in the graph), and no
 * optimizer slots or training ops. Signature {@code serving_default}: {@code features} float [-1,
 * n] → {@code probabilities} [-1, classes] and {@code class_id} int64 [-1], or {@code prediction}
 * [-1].
 */
public final class InferenceExport {
  public static final String INPUT = "features";
  public static final String PROBABILITIES = "probabilities";
  public static final String CLASS_ID = "class_id";
  public static final String PREDICTION = "prediction";

  private InferenceExport() {}

  public static void write(TrainingResult result, Path dir) throws IOException {
    TrainingConfig config = result.config();
    Weights weights = result.weights();
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> features =
          tf.withName(INPUT)
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, result.featureCount())));
      Operand<TFloat32> x = normalized(tf, features, result.normalization());
      List<Placeholder<TFloat32>> values = new ArrayList<>();
      List<Op> assignments = new ArrayList<>();
      for (int layer = 0; layer < weights.layerCount(); layer++) {
        float[][] kernel = weights.kernels().get(layer);
        Variable<TFloat32> w =
            variable(tf, "dense" + layer + "_kernel", Shape.of(kernel.length, kernel[0].length));
        Variable<TFloat32> b =
            variable(tf, "dense" + layer + "_bias", Shape.of(weights.biases().get(layer).length));
        for (Variable<TFloat32> variable : List.of(w, b)) {
          Placeholder<TFloat32> value = tf.placeholder(TFloat32.class);
          values.add(value);
          assignments.add(tf.assign(variable, value));
        }
        Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(x, w), b);
        x = layer + 1 < weights.layerCount() ? config.activation().apply(tf, z) : z;
      }
      Signature.Builder signature =
          Signature.builder().key(Signature.DEFAULT_KEY).input(INPUT, features);
      if (config.task() == Task.CLASSIFICATION) {
        Operand<TFloat32> probabilities = tf.withName(PROBABILITIES).nn.softmax(x);
        Operand<TInt64> classId = tf.withName(CLASS_ID).math.argMax(x, tf.constant(1));
        signature.output(PROBABILITIES, probabilities).output(CLASS_ID, classId);
      } else {
        Operand<TFloat32> prediction =
            tf.withName(PREDICTION).reshape(x, tf.constant(new long[] {-1}));
        signature.output(PREDICTION, prediction);
      }
      assign(session, weights, values, assignments);
      SavedModelBundle.exporter(dir.toString())
          .withFunction(SessionFunction.create(signature.build(), session))
          .export();
    }
  }

  private static Operand<TFloat32> normalized(
      Ops tf, Operand<TFloat32> features, Normalization normalization) {
    if (normalization.mode() == NormalizationMode.NONE) {
      return features;
    }
    return tf.withName("normalized")
        .math
        .mul(
            tf.math.sub(features, tf.constant(normalization.shift())),
            tf.constant(normalization.multiplier()));
  }

  private static Variable<TFloat32> variable(Ops tf, String name, Shape shape) {
    return tf.withName(name).variable(shape, TFloat32.class);
  }

  /** Sets every variable to its trained value by feeding it through an assign op. */
  private static void assign(
      Session session, Weights weights, List<Placeholder<TFloat32>> values, List<Op> assignments) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int layer = 0; layer < weights.layerCount(); layer++) {
        TFloat32 kernel = TfArrays.matrix(weights.kernels().get(layer));
        TFloat32 bias = TfArrays.vector(weights.biases().get(layer));
        fed.add(kernel);
        fed.add(bias);
        runner.feed(values.get(2 * layer), kernel).feed(values.get(2 * layer + 1), bias);
      }
      assignments.forEach(runner::addTarget);
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }
}
