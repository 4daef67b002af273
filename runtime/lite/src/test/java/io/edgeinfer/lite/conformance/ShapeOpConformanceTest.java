package io.edgeinfer.lite.conformance;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded one-op models of the shape ops (SHAPE, SLICE, PACK, UNPACK, SPLIT, SPLIT_V,
 * SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, CAST) against TensorFlow Lite Micro, bit for bit. int8
 * SPACE_TO_BATCH_ND uses zero point 0: TFLM pads int8 with raw 0 where TFLite pads with the zero
 * point (what the lite engine does; {@code SpaceBatchTest}).
 */
class ShapeOpConformanceTest {
  private static final DataType[] TYPES = {DataType.FLOAT32, DataType.INT8, DataType.INT32};

  @TempDir Path dir;

  private static QuantParams quant(OneOpModels m, DataType type) {
    return type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
  }

  private static int[] randomShape(OneOpModels m, int rank) {
    int[] s = new int[rank];
    for (int d = 0; d < rank; d++) {
      s[d] = 1 + m.r.nextInt(4);
    }
    return s;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void shape(int seed) throws Exception {
    OneOpModels m = new OneOpModels(900 + seed);
    int[] in = randomShape(m, 1 + m.r.nextInt(4));
    int x = m.input(DataType.FLOAT32, in);
    m.output(DataType.INT32, in.length);
    m.op(BuiltinOperator.SHAPE, new OperatorOptions.None(), x);
    m.check(dir, "shape" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void slice(int seed) throws Exception {
    for (DataType type : TYPES) {
      OneOpModels m = new OneOpModels(1000 + seed);
      int[] in = randomShape(m, 1 + m.r.nextInt(4));
      int[] begin = new int[in.length];
      int[] size = new int[in.length];
      int[] out = new int[in.length];
      for (int d = 0; d < in.length; d++) {
        begin[d] = m.r.nextInt(in[d]);
        out[d] = 1 + m.r.nextInt(in[d] - begin[d]);
        size[d] = m.r.nextInt(4) == 0 && out[d] == in[d] - begin[d] ? -1 : out[d];
      }
      QuantParams q = quant(m, type);
      int x = m.input(type, q, in);
      int b = m.ints("begin", begin);
      int s = m.ints("size", size);
      m.output(type, q, out);
      m.op(BuiltinOperator.SLICE, new OperatorOptions.None(), x, b, s);
      m.check(dir, "slice" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void packAndUnpack(int seed) throws Exception {
    for (DataType type : TYPES) {
      OneOpModels m = new OneOpModels(1100 + seed);
      int[] part = randomShape(m, 1 + m.r.nextInt(3));
      int n = 1 + m.r.nextInt(3);
      int axis = m.r.nextInt(part.length + 1);
      int[] whole = new int[part.length + 1];
      System.arraycopy(part, 0, whole, 0, axis);
      whole[axis] = n;
      System.arraycopy(part, axis, whole, axis + 1, part.length - axis);
      QuantParams q = quant(m, type);
      int[] ins = new int[n];
      for (int i = 0; i < n; i++) {
        ins[i] = m.input(type, q, part);
      }
      m.output(type, q, whole);
      m.op(BuiltinOperator.PACK, new OperatorOptions.Pack(n, axis - (whole.length)), ins);
      m.check(dir, "pack" + type.label() + seed);

      OneOpModels u = new OneOpModels(1150 + seed);
      int x = u.input(type, q, whole);
      for (int i = 0; i < n; i++) {
        u.output(type, q, part);
      }
      u.op(BuiltinOperator.UNPACK, new OperatorOptions.Unpack(n, axis), x);
      u.check(dir, "unpack" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void splitAndSplitV(int seed) throws Exception {
    for (DataType type : TYPES) {
      OneOpModels m = new OneOpModels(1200 + seed);
      int[] in = randomShape(m, 1 + m.r.nextInt(3));
      int axis = m.r.nextInt(in.length);
      int n = 1 + m.r.nextInt(3);
      in[axis] = n * (1 + m.r.nextInt(2));
      QuantParams q = quant(m, type);
      int a = m.ints("axis", axis);
      int x = m.input(type, q, in);
      int[] part = in.clone();
      part[axis] = in[axis] / n;
      for (int i = 0; i < n; i++) {
        m.output(type, q, part);
      }
      m.op(BuiltinOperator.SPLIT, new OperatorOptions.Split(n), a, x);
      m.check(dir, "split" + type.label() + seed);

      OneOpModels v = new OneOpModels(1250 + seed);
      int[] sizes = {1 + v.r.nextInt(3), 1 + v.r.nextInt(3), -1};
      int[] whole = in.clone();
      whole[axis] = sizes[0] + sizes[1] + 1 + v.r.nextInt(2);
      int y = v.input(type, q, whole);
      int s = v.ints("sizes", sizes);
      int ax = v.ints("axis", axis - whole.length);
      int[] rest = {sizes[0], sizes[1], whole[axis] - sizes[0] - sizes[1]};
      for (int size : rest) {
        int[] shape = whole.clone();
        shape[axis] = size;
        v.output(type, q, shape);
      }
      v.op(BuiltinOperator.SPLIT_V, new OperatorOptions.SplitV(3), y, s, ax);
      v.check(dir, "splitv" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void spaceToBatchAndBack(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(1300 + seed);
      int bh = 1 + m.r.nextInt(3);
      int bw = 1 + m.r.nextInt(3);
      int[] pads = {m.r.nextInt(3), 0, m.r.nextInt(3), 0};
      int h = 1 + m.r.nextInt(6);
      int w = 1 + m.r.nextInt(6);
      pads[1] = (bh - (h + pads[0]) % bh) % bh;
      pads[3] = (bw - (w + pads[2]) % bw) % bw;
      int[] in = {1 + m.r.nextInt(2), h, w, 1 + m.r.nextInt(3)};
      int[] out = {
        in[0] * bh * bw, (h + pads[0] + pads[1]) / bh, (w + pads[2] + pads[3]) / bw, in[3]
      };
      QuantParams q =
          type == DataType.INT8
              ? QuantParams.perTensor(0.01f + m.r.nextFloat() * 0.1f, 0)
              : QuantParams.NONE;
      int x = m.input(type, q, in);
      int block = m.ints("block", bh, bw);
      int p = m.g.constant("paddings", DataType.INT32, Shape.of(2, 2), LiteBuffer.ofInts(pads));
      m.output(type, q, out);
      m.op(BuiltinOperator.SPACE_TO_BATCH_ND, new OperatorOptions.None(), x, block, p);
      m.check(dir, "s2b" + type.label() + seed);

      OneOpModels b = new OneOpModels(1350 + seed);
      QuantParams bq = type == DataType.INT8 ? b.randomQuant() : QuantParams.NONE;
      int z = b.input(type, bq, out);
      int block2 = b.ints("block", bh, bw);
      int crops = b.g.constant("crops", DataType.INT32, Shape.of(2, 2), LiteBuffer.ofInts(pads));
      b.output(type, bq, in);
      b.op(BuiltinOperator.BATCH_TO_SPACE_ND, new OperatorOptions.None(), z, block2, crops);
      b.check(dir, "b2s" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2})
  void cast(int seed) throws Exception {
    DataType[][] pairs = {
      {DataType.FLOAT32, DataType.INT32},
      {DataType.INT32, DataType.FLOAT32},
      {DataType.INT8, DataType.FLOAT32},
      {DataType.INT8, DataType.INT32},
      {DataType.INT32, DataType.INT8},
      {DataType.FLOAT32, DataType.INT8},
      {DataType.INT32, DataType.INT16}
    };
    for (DataType[] pair : pairs) {
      OneOpModels m = new OneOpModels(1400 + seed);
      int[] in = randomShape(m, 1 + m.r.nextInt(3));
      int x = m.input(pair[0], in);
      m.output(pair[1], in);
      m.op(BuiltinOperator.CAST, new OperatorOptions.None(), x);
      m.check(dir, "cast" + pair[0].label() + pair[1].label() + seed);
    }
  }
}
