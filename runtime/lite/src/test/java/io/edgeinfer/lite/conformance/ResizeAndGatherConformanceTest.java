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
 * Seeded one-op models of the resize and lookup ops against TensorFlow Lite Micro: float32 within
 * 1e-5, int8 bit for bit. TFLM gathers float32 and int8 by int32 indices only; int64 indices and
 * other types are covered by hand-worked tests ({@code GatherTest}).
 */
class ResizeAndGatherConformanceTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void resizeBilinear(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(500 + seed);
      int[] in = {1 + m.r.nextInt(2), 1 + m.r.nextInt(6), 1 + m.r.nextInt(6), 1 + m.r.nextInt(4)};
      int h = 1 + m.r.nextInt(9);
      int w = 1 + m.r.nextInt(9);
      int flags = m.r.nextInt(3);
      QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
      int x = m.input(type, q, in);
      int size = m.ints("size", h, w);
      m.output(type, q, in[0], h, w, in[3]);
      m.op(
          BuiltinOperator.RESIZE_BILINEAR,
          new OperatorOptions.ResizeBilinear(flags == 1, flags == 2),
          x,
          size);
      m.check(dir, "bilinear" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void resizeNearestNeighbor(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(600 + seed);
      int[] in = {1, 1 + m.r.nextInt(6), 1 + m.r.nextInt(6), 1 + m.r.nextInt(4)};
      int h = 1 + m.r.nextInt(9);
      int w = 1 + m.r.nextInt(9);
      int flags = m.r.nextInt(4);
      QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
      int x = m.input(type, q, in);
      int size = m.ints("size", h, w);
      m.output(type, q, in[0], h, w, in[3]);
      m.op(
          BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
          new OperatorOptions.ResizeNearestNeighbor((flags & 1) != 0, (flags & 2) != 0),
          x,
          size);
      m.check(dir, "nearest" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void gather(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(700 + seed);
      int rank = 1 + m.r.nextInt(3);
      int[] params = new int[rank];
      for (int d = 0; d < rank; d++) {
        params[d] = 1 + m.r.nextInt(5);
      }
      int axis = m.r.nextInt(rank);
      int batchDims = axis > 0 && m.r.nextBoolean() ? 1 : 0;
      int[] indexShape =
          batchDims == 1
              ? new int[] {params[0], 1 + m.r.nextInt(3)}
              : new int[] {1 + m.r.nextInt(4)};
      int count = (int) Shape.of(indexShape).elementCount();
      int[] indices = new int[count];
      for (int i = 0; i < count; i++) {
        indices[i] = m.r.nextInt(params[axis]);
      }
      QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
      int x = m.input(type, q, params);
      int idx =
          m.g.constant("indices", DataType.INT32, Shape.of(indexShape), LiteBuffer.ofInts(indices));
      int[] out =
          new io.edgeinfer.lite.kernels.Gather("GATHER", axis, batchDims)
              .outputShape(params, indexShape);
      m.output(type, q, out);
      m.op(BuiltinOperator.GATHER, new OperatorOptions.Gather(axis, batchDims), x, idx);
      m.check(dir, "gather" + type.label() + seed);
    }
  }

  /** Coordinate tuples of 1 to rank(params) values, picking elements or whole slices. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void gatherNd(int seed) throws Exception {
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      OneOpModels m = new OneOpModels(750 + seed);
      int rank = 1 + m.r.nextInt(4);
      int[] params = new int[rank];
      for (int d = 0; d < rank; d++) {
        params[d] = 1 + m.r.nextInt(5);
      }
      int depth = 1 + m.r.nextInt(rank);
      int[] indexShape =
          m.r.nextBoolean()
              ? new int[] {1 + m.r.nextInt(4), depth}
              : new int[] {1 + m.r.nextInt(3), 1 + m.r.nextInt(3), depth};
      int tuples = (int) Shape.of(indexShape).elementCount() / depth;
      int[] indices = new int[tuples * depth];
      for (int t = 0; t < tuples; t++) {
        for (int d = 0; d < depth; d++) {
          indices[t * depth + d] = m.r.nextInt(params[d]);
        }
      }
      QuantParams q = type == DataType.INT8 ? m.randomQuant() : QuantParams.NONE;
      int x = m.input(type, q, params);
      int idx =
          m.g.constant("indices", DataType.INT32, Shape.of(indexShape), LiteBuffer.ofInts(indices));
      int[] out =
          new io.edgeinfer.lite.kernels.GatherNd("GATHER_ND").outputShape(params, indexShape);
      m.output(type, q, out);
      m.op(BuiltinOperator.GATHER_ND, new OperatorOptions.None(), x, idx);
      m.check(dir, "gathernd" + type.label() + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void embeddingLookup(int seed) throws Exception {
    OneOpModels m = new OneOpModels(800 + seed);
    int rows = 2 + m.r.nextInt(6);
    int width = 1 + m.r.nextInt(5);
    int n = 1 + m.r.nextInt(5);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = m.r.nextInt(rows);
    }
    int lookup = m.ints("ids", ids);
    int table = m.input(DataType.FLOAT32, rows, width);
    m.output(DataType.FLOAT32, n, width);
    m.op(BuiltinOperator.EMBEDDING_LOOKUP, new OperatorOptions.None(), lookup, table);
    m.check(dir, "embedding" + seed);
  }
}
