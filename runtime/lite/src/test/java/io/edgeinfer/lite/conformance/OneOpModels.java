package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A seeded one-op model under construction: inputs fed by {@link OracleRuns}, constants, one
 * operator, its outputs in order; {@link #check} writes it and compares the lite engine with the
 * oracle.
 */
final class OneOpModels {
  final Random r;
  final LiteModelBuilder b = new LiteModelBuilder();
  final LiteModelBuilder.Graph g = b.graph("main");
  private final Map<String, Integer> inputs = new LinkedHashMap<>();
  private final Map<String, Integer> outputs = new LinkedHashMap<>();

  OneOpModels(long seed) {
    r = new Random(seed);
  }

  /** A model input, random at run time. */
  int input(DataType type, QuantParams q, int... dims) {
    int t = g.tensor("x" + inputs.size(), type, q, dims);
    inputs.put("x" + inputs.size(), t);
    return t;
  }

  int input(DataType type, int... dims) {
    return input(type, QuantParams.NONE, dims);
  }

  /** A model output, in the operator's output order. */
  int output(DataType type, QuantParams q, int... dims) {
    int t = g.tensor("y" + outputs.size(), type, q, dims);
    outputs.put("y" + outputs.size(), t);
    return t;
  }

  int output(DataType type, int... dims) {
    return output(type, QuantParams.NONE, dims);
  }

  int ints(String name, int... values) {
    return g.constant(name, DataType.INT32, Shape.of(values.length), LiteBuffer.ofInts(values));
  }

  int floats(String name, float[] values, int... dims) {
    return g.constant(name, DataType.FLOAT32, Shape.of(dims), LiteBuffer.ofFloats(values));
  }

  QuantParams randomQuant() {
    return QuantParams.perTensor(0.01f + r.nextFloat() * 0.1f, r.nextInt(256) - 128);
  }

  float[] gaussians(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /** A tensor between two operators. */
  int between(DataType type, QuantParams q, int... dims) {
    return g.tensor("t" + r.nextInt(1 << 20), type, q, dims);
  }

  /** An operator writing {@code out} (for models that prepare the tested op's input). */
  void opTo(BuiltinOperator op, OperatorOptions options, int[] in, int... out) {
    g.operator(op, options, in, out);
  }

  void op(BuiltinOperator op, OperatorOptions options, int... in) {
    g.operator(op, options, in, outputs.values().stream().mapToInt(Integer::intValue).toArray());
  }

  /** Writes the model to {@code dir} and compares the lite engine with the oracle on 3 sets. */
  void check(Path dir, String name) throws Exception {
    TflmOracle oracle = TflmOracle.require();
    g.inputs(inputs.values().stream().mapToInt(Integer::intValue).toArray());
    g.outputs(outputs.values().stream().mapToInt(Integer::intValue).toArray());
    b.signature("serving_default", g, inputs, outputs);
    Path file = dir.resolve(name + ".tflite");
    TfliteWriter.write(b.build(), file);
    assertTrue(OracleRuns.compare(oracle, file, 3, name.hashCode()) > 0, name);
  }
}
