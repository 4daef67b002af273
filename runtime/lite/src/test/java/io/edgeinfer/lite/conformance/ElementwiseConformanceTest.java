package io.edgeinfer.lite.conformance;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded one-op models of the elementwise, comparison, selection, reduction and normalization ops
 * against TensorFlow Lite Micro: float32 within 1e-5, integers and bools bit for bit. POW and
 * SELECT (v1) are outside TFLM and covered by hand-worked tests only ({@code ElementwiseTest}).
 */
class ElementwiseConformanceTest {
  private static final Activation[] ACTIVATIONS = {
    Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1
  };

  @TempDir Path dir;

  private static int[] shape(OneOpModels m) {
    int rank = 1 + m.r.nextInt(4);
    int[] s = new int[rank];
    for (int d = 0; d < rank; d++) {
      s[d] = 1 + m.r.nextInt(4);
    }
    return s;
  }

  /** A shape broadcastable against {@code s}: some dimensions 1, maybe fewer of them. */
  private static int[] against(OneOpModels m, int[] s) {
    int drop = m.r.nextInt(s.length);
    int[] out = new int[s.length - drop];
    for (int d = 0; d < out.length; d++) {
      out[d] = m.r.nextInt(3) == 0 ? 1 : s[d + drop];
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void hardSwish(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(2000 + seed);
      int[] s = shape(m);
      QuantParams in =
          type == DataType.INT8
              ? QuantParams.perTensor(0.02f + m.r.nextFloat() * 0.1f, m.r.nextInt(256) - 128)
              : QuantParams.NONE;
      QuantParams out =
          type == DataType.INT8
              ? QuantParams.perTensor(0.01f + m.r.nextFloat() * 0.1f, m.r.nextInt(256) - 128)
              : QuantParams.NONE;
      int x = m.input(type, in, s);
      m.output(type, out, s);
      m.op(BuiltinOperator.HARD_SWISH, new OperatorOptions.None(), x);
      m.check(dir, "hardswish" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2})
  void logSqrtRsqrtExpOnPositiveValues(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.LOG, BuiltinOperator.SQRT, BuiltinOperator.RSQRT, BuiltinOperator.EXP
        }) {
      OneOpModels m = new OneOpModels(2100 + seed);
      int[] s = shape(m);
      int x = m.input(DataType.FLOAT32, s);
      // x * x + 0.01 > 0, so every function is defined
      int squared = m.between(DataType.FLOAT32, QuantParams.NONE, s);
      m.opTo(
          BuiltinOperator.MUL, new OperatorOptions.Mul(Activation.NONE), new int[] {x, x}, squared);
      int positive = m.between(DataType.FLOAT32, QuantParams.NONE, s);
      int small = m.floats("small", new float[] {0.01f}, 1);
      m.opTo(
          BuiltinOperator.ADD,
          new OperatorOptions.Add(Activation.NONE),
          new int[] {squared, small},
          positive);
      m.output(DataType.FLOAT32, s);
      m.op(op, new OperatorOptions.None(), positive);
      m.check(dir, op + "" + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void floatBinaryOpsBroadcasting(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.DIV,
          BuiltinOperator.SQUARED_DIFFERENCE,
          BuiltinOperator.MAXIMUM,
          BuiltinOperator.MINIMUM,
          BuiltinOperator.FLOOR_MOD,
          BuiltinOperator.FLOOR_DIV
        }) {
      OneOpModels m = new OneOpModels(2200 + seed);
      int[] s = shape(m);
      int[] t = against(m, s);
      int x = m.input(DataType.FLOAT32, s);
      int c = m.floats("c", m.gaussians((int) Shape.of(t).elementCount()), t);
      m.output(DataType.FLOAT32, s);
      OperatorOptions options =
          op == BuiltinOperator.DIV
              ? new OperatorOptions.Div(ACTIVATIONS[m.r.nextInt(4)])
              : new OperatorOptions.None();
      boolean swap = m.r.nextBoolean() && op != BuiltinOperator.DIV;
      m.op(op, options, swap ? new int[] {c, x} : new int[] {x, c});
      m.check(dir, op + "" + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void maximumAndMinimumOnIntegers(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {BuiltinOperator.MAXIMUM, BuiltinOperator.MINIMUM}) {
      for (DataType type : new DataType[] {DataType.INT8, DataType.INT32}) {
        OneOpModels m = new OneOpModels(2300 + seed);
        int[] s = shape(m);
        int[] t = against(m, s);
        QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
        int x = m.input(type, q, s);
        int y = m.input(type, q, t);
        m.output(type, q, s);
        m.op(op, new OperatorOptions.None(), x, y);
        m.check(dir, op + type.label() + seed);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void comparisonsToBool(int seed) throws Exception {
    BuiltinOperator[] ops = {
      BuiltinOperator.LESS,
      BuiltinOperator.LESS_EQUAL,
      BuiltinOperator.GREATER,
      BuiltinOperator.GREATER_EQUAL,
      BuiltinOperator.EQUAL,
      BuiltinOperator.NOT_EQUAL
    };
    for (BuiltinOperator op : ops) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.INT32}) {
        OneOpModels m = new OneOpModels(2400 + seed);
        int[] s = shape(m);
        int[] t = against(m, s);
        QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
        int x = m.input(type, q, s);
        // the same tensor on both sides of some models, so equal values occur
        int y = m.r.nextInt(3) == 0 ? x : m.input(type, q, t);
        m.output(DataType.BOOL, s);
        m.op(op, new OperatorOptions.None(), x, y);
        m.check(dir, op + type.label() + seed);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void int8ComparisonsAcrossQuantizationsSquaredDifferenceAndPrelu(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.LESS, BuiltinOperator.GREATER_EQUAL, BuiltinOperator.EQUAL
        }) {
      OneOpModels m = new OneOpModels(2800 + seed);
      int[] s = shape(m);
      int x = m.input(DataType.INT8, m.randomQuant(), s);
      int y = m.input(DataType.INT8, m.randomQuant(), against(m, s));
      m.output(DataType.BOOL, s);
      m.op(op, new OperatorOptions.None(), x, y);
      m.check(dir, "q" + op + seed);
    }
    OneOpModels d = new OneOpModels(2850 + seed);
    int[] s = shape(d);
    int a = d.input(DataType.INT8, d.randomQuant(), s);
    int b = d.input(DataType.INT8, d.randomQuant(), against(d, s));
    d.output(
        DataType.INT8, QuantParams.perTensor(0.01f + d.r.nextFloat(), d.r.nextInt(256) - 128), s);
    d.op(BuiltinOperator.SQUARED_DIFFERENCE, new OperatorOptions.None(), a, b);
    d.check(dir, "sqdiff" + seed);

    OneOpModels p = new OneOpModels(2870 + seed);
    int[] ps = shape(p);
    int[] as = against(p, ps);
    int px = p.input(DataType.INT8, p.randomQuant(), ps);
    byte[] alpha = new byte[(int) Shape.of(as).elementCount()];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = (byte) (p.r.nextInt(256) - 128);
    }
    int pa =
        p.g.constant(
            "alpha",
            DataType.INT8,
            Shape.of(as),
            LiteBuffer.of(alpha),
            QuantParams.perTensor(0.001f + p.r.nextFloat() * 0.01f, p.r.nextInt(256) - 128));
    p.output(DataType.INT8, p.randomQuant(), ps);
    p.op(BuiltinOperator.PRELU, new OperatorOptions.None(), px, pa);
    p.check(dir, "qprelu" + seed);

    OneOpModels u = new OneOpModels(2890 + seed);
    int[] us = shape(u);
    int axis = u.r.nextInt(us.length);
    int ux = u.input(DataType.INT8, u.randomQuant(), us);
    int ua = u.ints("axes", axis);
    u.output(
        DataType.INT8,
        u.randomQuant(),
        io.edgeinfer.lite.kernels.Shapes.reduce(us, new int[] {axis}, false));
    u.op(BuiltinOperator.SUM, new OperatorOptions.Reducer(false), ux, ua);
    u.check(dir, "qsum" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void int8L2Normalization(int seed) throws Exception {
    OneOpModels m = new OneOpModels(2950 + seed);
    int[] s = shape(m);
    s[s.length - 1] = 1 + m.r.nextInt(40);
    int x = m.input(DataType.INT8, m.randomQuant(), s);
    m.output(DataType.INT8, QuantParams.perTensor(1f / 128, 0), s);
    m.op(BuiltinOperator.L2_NORMALIZATION, new OperatorOptions.None(), x);
    m.check(dir, "ql2" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void int8Rsqrt(int seed) throws Exception {
    OneOpModels m = new OneOpModels(2980 + seed);
    int[] s = shape(m);
    // zero point -128: every input is at or above it, where RSQRT is defined
    int x = m.input(DataType.INT8, QuantParams.perTensor(0.001f + m.r.nextFloat() * 0.1f, -128), s);
    m.output(DataType.INT8, m.randomQuant(), s);
    m.op(BuiltinOperator.RSQRT, new OperatorOptions.None(), x);
    m.check(dir, "qrsqrt" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void int8Div(int seed) throws Exception {
    OneOpModels m = new OneOpModels(3000 + seed);
    int[] s = shape(m);
    int[] t = against(m, s);
    int x = m.input(DataType.INT8, m.randomQuant(), s);
    // a constant divisor that avoids its zero point (a zero divisor is refused)
    int n = (int) Shape.of(t).elementCount();
    byte[] divisor = new byte[n];
    for (int i = 0; i < n; i++) {
      divisor[i] = (byte) (m.r.nextBoolean() ? 1 + m.r.nextInt(127) : -1 - m.r.nextInt(128));
    }
    int c =
        m.g.constant(
            "c",
            DataType.INT8,
            Shape.of(t),
            LiteBuffer.of(divisor),
            QuantParams.perTensor(0.01f + m.r.nextFloat() * 0.1f, 0));
    m.output(DataType.INT8, m.randomQuant(), s);
    m.op(BuiltinOperator.DIV, new OperatorOptions.Div(ACTIVATIONS[m.r.nextInt(4)]), x, c);
    m.check(dir, "qdiv" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void selectV2(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(2500 + seed);
      int[] s = shape(m);
      int[] cs = against(m, s);
      int n = (int) Shape.of(cs).elementCount();
      byte[] cond = new byte[n];
      for (int i = 0; i < n; i++) {
        cond[i] = (byte) m.r.nextInt(2);
      }
      QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
      int c = m.g.constant("cond", DataType.BOOL, Shape.of(cs), LiteBuffer.of(cond));
      int x = m.input(type, q, s);
      int y = m.input(type, q, against(m, s));
      m.output(type, q, s);
      m.op(BuiltinOperator.SELECT_V2, new OperatorOptions.None(), c, x, y);
      m.check(dir, "select" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void reduceMaxSumAndArgMin(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {BuiltinOperator.REDUCE_MAX, BuiltinOperator.SUM}) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
        if (op == BuiltinOperator.SUM && type == DataType.INT8) {
          continue;
        }
        OneOpModels m = new OneOpModels(2600 + seed);
        int[] s = shape(m);
        int axis = m.r.nextInt(s.length);
        boolean keep = m.r.nextBoolean();
        QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
        int x = m.input(type, q, s);
        int a = m.ints("axes", axis);
        m.output(type, q, io.edgeinfer.lite.kernels.Shapes.reduce(s, new int[] {axis}, keep));
        m.op(op, new OperatorOptions.Reducer(keep), x, a);
        m.check(dir, op + type.label() + seed);
      }
    }
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(2650 + seed);
      int[] s = shape(m);
      int axis = m.r.nextInt(s.length);
      QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
      int x = m.input(type, q, s);
      int a = m.ints("axis", axis);
      m.output(DataType.INT32, io.edgeinfer.lite.kernels.Shapes.reduce(s, new int[] {axis}, false));
      m.op(BuiltinOperator.ARG_MIN, new OperatorOptions.None(), x, a);
      m.check(dir, "argmin" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void preluL2NormalizationAndLogSoftmax(int seed) throws Exception {
    OneOpModels p = new OneOpModels(2700 + seed);
    int[] s = shape(p);
    int[] t = against(p, s);
    int x = p.input(DataType.FLOAT32, s);
    int alpha = p.floats("alpha", p.gaussians((int) Shape.of(t).elementCount()), t);
    p.output(DataType.FLOAT32, s);
    p.op(BuiltinOperator.PRELU, new OperatorOptions.None(), x, alpha);
    p.check(dir, "prelu" + seed);
    for (BuiltinOperator op :
        new BuiltinOperator[] {BuiltinOperator.L2_NORMALIZATION, BuiltinOperator.LOG_SOFTMAX}) {
      OneOpModels m = new OneOpModels(2750 + seed);
      int[] shape = shape(m);
      int in = m.input(DataType.FLOAT32, shape);
      m.output(DataType.FLOAT32, shape);
      m.op(op, new OperatorOptions.None(), in);
      m.check(dir, op + "" + seed);
    }
  }
}
