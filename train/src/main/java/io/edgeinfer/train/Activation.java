package io.edgeinfer.train;

import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The non-linearity between hidden layers. */
public enum Activation {
  RELU,
  TANH,
  SIGMOID;

  public static Activation parse(String text) {
    for (Activation activation : values()) {
      if (activation.name().equalsIgnoreCase(text)) {
        return activation;
      }
    }
    throw new IllegalArgumentException(
        "expected an activation of relu, tanh or sigmoid, found '" + text + "'");
  }

  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case RELU -> tf.nn.relu(x);
      case TANH -> tf.math.tanh(x);
      case SIGMOID -> tf.math.sigmoid(x);
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
