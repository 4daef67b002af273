package io.edgeinfer.lite.conformance;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded one-op models of the activations against TensorFlow Lite Micro. */
class ActivationConformanceTest {
  @TempDir Path dir;

  /**
   * The output quantization files have: TFLite's fixed ones for LOGISTIC, TANH and SOFTMAX, the
   * input's for RELU6 (TFLite Micro clamps RELU6's raw values without rescaling; TensorFlow Lite
   * rescales, and the engine follows it), any other for RELU and LEAKY_RELU.
   */
  private static QuantParams outputQuant(BuiltinOperator op, OneOpModels m, QuantParams input) {
    return switch (op) {
      case LOGISTIC, SOFTMAX -> QuantParams.perTensor(1 / 256f, -128);
      case TANH -> QuantParams.perTensor(1 / 128f, 0);
      case RELU6 -> input;
      default -> m.randomQuant();
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void activations(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.RELU,
          BuiltinOperator.RELU6,
          BuiltinOperator.LEAKY_RELU,
          BuiltinOperator.LOGISTIC,
          BuiltinOperator.TANH,
          BuiltinOperator.SOFTMAX
        }) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
        OneOpModels m = new OneOpModels(3100 + seed);
        int[] shape = {1 + m.r.nextInt(3), 1 + m.r.nextInt(40)};
        QuantParams qin = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
        QuantParams qout = type == DataType.INT8 ? outputQuant(op, m, qin) : QuantParams.NONE;
        int x = m.input(type, qin, shape);
        m.output(type, qout, shape);
        OperatorOptions options =
            switch (op) {
              case LEAKY_RELU -> new OperatorOptions.LeakyRelu(0.05f + m.r.nextFloat() * 0.5f);
              case SOFTMAX -> new OperatorOptions.Softmax(m.r.nextBoolean() ? 1f : 0.5f);
              default -> new OperatorOptions.None();
            };
        m.op(op, options, x);
        m.check(dir, op + type.label() + seed);
      }
    }
  }
}
