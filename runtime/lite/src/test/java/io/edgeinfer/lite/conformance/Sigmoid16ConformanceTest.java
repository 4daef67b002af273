package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * int16 LOGISTIC and TANH on every one of the 65,536 int16 inputs, against TensorFlow Lite Micro
 * bit for bit: the interpolation table behind them (and behind the integer LSTM's gates) is
 * computed, not copied, so this is where it is proven.
 */
class Sigmoid16ConformanceTest {
  private static final int ALL = 1 << 16;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}, input scale {1}")
  @CsvSource({
    "LOGISTIC, 0.000244140625", // 2^-12: straight into the table
    "LOGISTIC, 0.0003",
    "LOGISTIC, 0.00001",
    "TANH, 0.000244140625",
    "TANH, 0.00048828125", // 2^-11: tanh's other power of two
    "TANH, 0.0007",
  })
  void everyInt16InputMatchesTheOracle(BuiltinOperator op, float inScale) throws Exception {
    TflmOracle oracle = TflmOracle.require();
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.INT16, QuantParams.perTensor(inScale, 0), ALL);
    int y = g.tensor("y", DataType.INT16, QuantParams.perTensor(1f / 32768, 0), ALL);
    g.operator(op, new OperatorOptions.None(), new int[] {x}, y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve(op + ".tflite");
    TfliteWriter.write(b.build(), file);

    ByteBuffer every = ByteBuffer.allocate(2 * ALL).order(ByteOrder.LITTLE_ENDIAN);
    for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v++) {
      every.putShort((short) v);
    }
    TflmOracle.Result expected = oracle.run(file, every.array());
    assertTrue(expected.ok(), () -> "tflm_oracle refused it: " + expected.error());
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS.withRawOutputs(true));
        Predictor p = model.predictor()) {
      Tensor in = Tensor.of(DataType.INT16, Shape.of(ALL), every.flip());
      Tensor out = p.predict(Map.of("x", in)).get("y");
      byte[] actual = new byte[out.data().remaining()];
      out.data().duplicate().get(actual);
      assertArrayEquals(expected.outputs(), actual, op + " of every int16 value");
    }
  }
}
