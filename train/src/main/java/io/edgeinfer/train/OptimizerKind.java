package io.edgeinfer.train;

import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.framework.optimizers.Optimizer;

/** Gradient descent and its two common refinements, with Keras's default learning rates. */
public enum OptimizerKind {
  ADAM(0.001f),
  SGD(0.01f),
  MOMENTUM(0.01f);

  private final float defaultLearningRate;

  OptimizerKind(float defaultLearningRate) {
    this.defaultLearningRate = defaultLearningRate;
  }

  public static OptimizerKind parse(String text) {
    for (OptimizerKind kind : values()) {
      if (kind.name().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "expected an optimizer of adam, sgd or momentum, found '" + text + "'");
  }

  public float defaultLearningRate() {
    return defaultLearningRate;
  }

  Optimizer create(Graph graph, float learningRate) {
    return switch (this) {
      case ADAM -> new Adam(graph, learningRate);
      case SGD -> new GradientDescent(graph, learningRate);
      case MOMENTUM -> new Momentum(graph, learningRate, 0.9f);
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
