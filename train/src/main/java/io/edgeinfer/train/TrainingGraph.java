package io.edgeinfer.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.framework.losses.CategoricalCrossentropy;
import org.tensorflow.framework.losses.MeanSquaredError;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training graph of a dense network in one TensorFlow session: inputs (already normalized),
 * hidden layers, an output layer (logits, or one value for regression), the loss with optional L2,
 * and the optimizer's update. Only {@link Trainer} drives it.
 */
final class TrainingGraph implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final boolean sparseLabels;
  private final int outputs;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TInt32> classIds;
  private final Placeholder<TFloat32> targets;
  private final Operand<TFloat32> output;
  private final Operand<TFloat32> loss;
  private final Op update;
  private final List<Variable<TFloat32>> kernels = new ArrayList<>();
  private final List<Variable<TFloat32>> biases = new ArrayList<>();
  private final List<Placeholder<TFloat32>> newValues = new ArrayList<>();
  private final List<Op> assignments = new ArrayList<>();

  TrainingGraph(TrainingConfig config, int features, int outputs) {
    this.outputs = outputs;
    Ops tf = Ops.create(graph);
    LossKind lossKind = config.loss().resolve(config.task());
    sparseLabels = lossKind == LossKind.SPARSE_CROSS_ENTROPY;
    x =
        tf.withName("features")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
    classIds = tf.withName("class_ids").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    targets =
        tf.withName("targets")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputs)));

    Operand<TFloat32> activations = x;
    int[] widths = widths(config.layers(), features, outputs);
    for (int layer = 0; layer + 1 < widths.length; layer++) {
      Operand<TFloat32> z = dense(tf, activations, layer, widths[layer], widths[layer + 1], config);
      boolean last = layer + 2 == widths.length;
      activations = last ? z : config.activation().apply(tf, z);
    }
    output = activations;

    Operand<TFloat32> labels =
        sparseLabels
            ? tf.oneHot(classIds, tf.constant(outputs), tf.constant(1f), tf.constant(0f))
            : targets;
    Operand<TFloat32> dataLoss =
        switch (lossKind) {
          case SPARSE_CROSS_ENTROPY, CROSS_ENTROPY ->
              new CategoricalCrossentropy(true).call(tf, labels, output);
          case MSE ->
              new MeanSquaredError()
                  .call(
                      tf,
                      labels,
                      config.task() == Task.CLASSIFICATION ? tf.nn.softmax(output) : output);
          case AUTO -> throw new IllegalStateException("auto is resolved before this point");
        };
    loss = config.l2() > 0 ? tf.math.add(dataLoss, l2Penalty(tf, config.l2())) : dataLoss;
    update = config.optimizer().create(graph, config.learningRate()).minimize(loss);
    // One thread each: small networks train fastest so, and the sums then come out in one order.
    session =
        new Session(
            graph,
            ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .build());
    session.initialize();
  }

  private static int[] widths(int[] hidden, int features, int outputs) {
    int[] widths = new int[hidden.length + 2];
    widths[0] = features;
    System.arraycopy(hidden, 0, widths, 1, hidden.length);
    widths[widths.length - 1] = outputs;
    return widths;
  }

  private Operand<TFloat32> dense(
      Ops tf, Operand<TFloat32> in, int layer, int inputs, int units, TrainingConfig config) {
    Ops init = tf.withInitScope();
    // Flat names: TF Java 1.1.0 rejects "dense0/kernel" and scoped names break Adam's slots.
    Variable<TFloat32> kernel =
        init.withName("dense" + layer + "_kernel")
            .variable(
                init.constant(GlorotUniform.kernel(inputs, units, config.seed() * 31 + layer)));
    Variable<TFloat32> bias =
        init.withName("dense" + layer + "_bias").variable(init.constant(new float[units]));
    kernels.add(kernel);
    biases.add(bias);
    addAssignment(tf, kernel);
    addAssignment(tf, bias);
    return tf.math.add(tf.linalg.matMul(in, kernel), bias);
  }

  private void addAssignment(Ops tf, Variable<TFloat32> variable) {
    Placeholder<TFloat32> value = tf.placeholder(TFloat32.class);
    newValues.add(value);
    assignments.add(tf.assign(variable, value));
  }

  private Operand<TFloat32> l2Penalty(Ops tf, float factor) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Variable<TFloat32> kernel : kernels) {
      sum = tf.math.add(sum, tf.sum(tf.math.square(kernel), tf.constant(new int[] {0, 1})));
    }
    return tf.math.mul(tf.constant(factor), sum);
  }

  /** One optimizer step; returns the batch's loss and its outputs before the step. */
  Step train(float[][] features, int[] ids, float[][] targetRows, int from, int to) {
    try (TFloat32 xs = TfArrays.matrix(features, from, to, features[0].length);
        Tensor labels = labels(ids, targetRows, from, to);
        Result result =
            feedLabels(session.runner().feed(x, xs), labels)
                .addTarget(update)
                .fetch(loss)
                .fetch(output)
                .run()) {
      return new Step(TfArrays.scalar(result.get(0)), TfArrays.toMatrix(result.get(1)));
    }
  }

  /** The loss and outputs over rows, without training. */
  Step evaluate(float[][] features, int[] ids, float[][] targetRows) {
    try (TFloat32 xs = TfArrays.matrix(features);
        Tensor labels = labels(ids, targetRows, 0, features.length);
        Result result =
            feedLabels(session.runner().feed(x, xs), labels).fetch(loss).fetch(output).run()) {
      return new Step(TfArrays.scalar(result.get(0)), TfArrays.toMatrix(result.get(1)));
    }
  }

  private Tensor labels(int[] ids, float[][] targetRows, int from, int to) {
    return sparseLabels
        ? TfArrays.ints(ids, from, to)
        : TfArrays.matrix(targetRows, from, to, outputs);
  }

  private Session.Runner feedLabels(Session.Runner runner, Tensor labels) {
    return sparseLabels ? runner.feed(classIds, labels) : runner.feed(targets, labels);
  }

  Weights weights() {
    List<float[][]> kernelValues = new ArrayList<>();
    List<float[]> biasValues = new ArrayList<>();
    for (int i = 0; i < kernels.size(); i++) {
      try (Result result = session.runner().fetch(kernels.get(i)).fetch(biases.get(i)).run()) {
        kernelValues.add(TfArrays.toMatrix(result.get(0)));
        biasValues.add(TfArrays.toVector(result.get(1)));
      }
    }
    return new Weights(kernelValues, biasValues);
  }

  /** Puts earlier values back, e.g. the best epoch's after early stopping. */
  void restore(Weights weights) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < kernels.size(); i++) {
        TFloat32 kernel = TfArrays.matrix(weights.kernels().get(i));
        TFloat32 bias = TfArrays.vector(weights.biases().get(i));
        fed.add(kernel);
        fed.add(bias);
        runner.feed(newValues.get(2 * i), kernel).feed(newValues.get(2 * i + 1), bias);
        runner.addTarget(assignments.get(2 * i)).addTarget(assignments.get(2 * i + 1));
      }
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /** A batch's mean loss and the network's outputs (logits or values) for each row. */
  record Step(float loss, float[][] outputs) {}
}
