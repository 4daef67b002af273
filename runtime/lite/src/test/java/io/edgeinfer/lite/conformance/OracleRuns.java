package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.TfliteWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs one model in the lite engine and in TensorFlow Lite Micro on the same seeded inputs, raw
 * (integers as held), and compares: integer outputs bit for bit, float outputs within 1e-5
 * (absolute, or relative for large values).
 */
final class OracleRuns {
  private OracleRuns() {}

  /**
   * Compares {@code sets} seeded random input sets; returns how many output bytes were compared.
   */
  static int compare(TflmOracle oracle, Path file, int sets, long seed) throws Exception {
    return compare(oracle, file, sets, seed, false);
  }

  /**
   * Compares {@code sets} seeded input sets fed in sequence to one predictor and to one TFLite
   * Micro interpreter, state carried over (models with SVDF or LSTM state).
   */
  static int compareStreaming(TflmOracle oracle, Path file, int sets, long seed) throws Exception {
    return compare(oracle, file, sets, seed, true);
  }

  private static int compare(TflmOracle oracle, Path file, int sets, long seed, boolean stream)
      throws Exception {
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS.withRawOutputs(true));
        Predictor p = model.predictor()) {
      List<TensorSpec> ins = rawInputs(model, p);
      Random random = new Random(seed);
      ByteArrayOutputStream oracleIn = new ByteArrayOutputStream();
      List<Map<String, Tensor>> feeds = new ArrayList<>();
      for (int s = 0; s < sets; s++) {
        Map<String, Tensor> feed = new LinkedHashMap<>();
        for (TensorSpec spec : ins) {
          Tensor t = random(spec, random);
          feed.put(spec.name(), t);
          byte[] bytes = new byte[t.data().remaining()];
          t.data().duplicate().get(bytes);
          oracleIn.write(bytes);
        }
        feeds.add(feed);
      }
      TflmOracle.Result expected = oracle.run(file, oracleIn.toByteArray(), stream);
      assertTrue(expected.ok(), () -> "tflm_oracle refused " + file + ": " + expected.error());
      ByteBuffer want = ByteBuffer.wrap(expected.outputs()).order(ByteOrder.LITTLE_ENDIAN);
      for (Map<String, Tensor> feed : feeds) {
        for (Map.Entry<String, Tensor> out : p.predict(feed).entrySet()) {
          Tensor got = out.getValue();
          byte[] actual = new byte[got.data().remaining()];
          got.data().duplicate().get(actual);
          byte[] golden = new byte[actual.length];
          want.get(golden);
          String what = file.getFileName() + " output " + out.getKey();
          if (got.dataType() == DataType.FLOAT32) {
            assertFloatsClose(golden, actual, what);
          } else {
            assertArrayEquals(golden, actual, what + " (bit for bit)");
          }
        }
      }
      assertEquals(0, want.remaining(), "output bytes the oracle gave beyond the lite engine's");
      return want.capacity();
    }
  }

  /**
   * Writes a one-op model (input {@code x}, output {@code y}, the graph built so far) into {@code
   * dir} and compares it with the oracle on 3 seeded input sets.
   */
  static void compareOneOp(
      Path dir, LiteModelBuilder b, LiteModelBuilder.Graph g, int x, int y, String name)
      throws Exception {
    TflmOracle oracle = TflmOracle.require();
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve(name + ".tflite");
    TfliteWriter.write(b.build(), file);
    assertTrue(compare(oracle, file, 3, name.hashCode()) > 0, name);
  }

  /** Signature inputs as held (raw int8/uint8/int16), so both runtimes see the same integers. */
  private static List<TensorSpec> rawInputs(Model model, Predictor p) throws Exception {
    List<TensorSpec> specs = new ArrayList<>();
    Map<String, String> meta = model.metadata();
    for (TensorSpec spec : p.signature().inputs()) {
      String raw = meta.get("raw_type." + p.signature().name() + "." + spec.name());
      DataType type = raw == null ? spec.dataType() : DataType.fromLabel(raw);
      specs.add(new TensorSpec(spec.name(), type, spec.shape()));
    }
    return specs;
  }

  private static Tensor random(TensorSpec spec, Random random) {
    int[] dims = spec.shape().dims();
    for (int i = 0; i < dims.length; i++) {
      dims[i] = Math.max(1, dims[i]);
    }
    Shape shape = Shape.of(dims);
    int n = (int) shape.elementCount();
    ByteBuffer b =
        ByteBuffer.allocate(n * spec.dataType().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      switch (spec.dataType()) {
        case FLOAT32 -> b.putFloat((float) random.nextGaussian());
        case INT16 -> b.putShort((short) random.nextInt());
        case INT32 -> b.putInt(random.nextInt(1000));
        default -> b.put((byte) random.nextInt());
      }
    }
    b.flip();
    return Tensor.of(spec.dataType(), shape, b);
  }

  private static void assertFloatsClose(byte[] golden, byte[] actual, String what) {
    ByteBuffer g = ByteBuffer.wrap(golden).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer a = ByteBuffer.wrap(actual).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < golden.length / 4; i++) {
      float want = g.getFloat(4 * i);
      float got = a.getFloat(4 * i);
      float tolerance = 1e-5f * Math.max(1f, Math.abs(want));
      assertTrue(
          Math.abs(want - got) <= tolerance,
          what + "[" + i + "]: expected " + want + ", found " + got);
    }
  }
}
