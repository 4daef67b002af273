package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * TensorFlow Lite Micro's per-layer integration tests of a 16x8 audio network ({@code
 * ../shared/models/tflm-integration}: ADD, CONV_2D, LEAKY_RELU, PAD, QUANTIZE, STRIDED_SLICE, SUB,
 * TRANSPOSE_CONV): every model, fed Google's inputs, gives Google's golden output bit for bit.
 *
 * <p>The one exception is pinned below: Google's goldens were made with TensorFlow Lite, whose
 * int16 SUB computes its multipliers in double, while TensorFlow Lite Micro (our ground truth)
 * computes them in float; on three SUB models the two differ by 1 at a few elements (Google's own
 * test allows 1 everywhere). There the output must equal TensorFlow Lite Micro's bit for bit (when
 * the oracle runs here), differ from the golden at exactly those elements and by at most 1.
 */
class Int16IntegrationTest {
  /** Elements where TensorFlow Lite Micro itself differs from Google's golden, by model. */
  private static final Map<String, Integer> TFLITE_ONLY_ROUNDING =
      Map.of("sub0", 2, "sub1", 1, "sub3", 1);

  private static final String[] FOLDERS = {
    "add", "conv", "leaky_relu", "pad", "quantize", "strided_slice", "sub", "transpose_conv"
  };

  @TestFactory
  Stream<DynamicTest> everyModelGivesGooglesGoldenOutputBitForBit() throws IOException {
    Path root =
        Path.of(System.getProperty("edgeinfer.shared", "../shared"), "models/tflm-integration");
    assumeTrue(
        Files.isDirectory(root), "skipped: " + root + " is absent (the team's shared models)");
    List<DynamicTest> tests = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = root.resolve(folder);
      assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path model : files.filter(p -> p.toString().endsWith(".tflite")).sorted().toList()) {
          tests.add(DynamicTest.dynamicTest(model.getFileName().toString(), () -> check(model)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(Path file) throws Exception {
    String name = file.getFileName().toString().replace(".tflite", "");
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS.withRawOutputs(true));
        Predictor p = model.predictor()) {
      Map<String, Tensor> feed = new LinkedHashMap<>();
      List<TensorSpec> inputs = p.signature().inputs();
      for (int i = 0; i < inputs.size(); i++) {
        Csv csv = Csv.find(file.getParent(), name + "_input" + i);
        TensorSpec spec = inputs.get(i);
        feed.put(spec.name(), Tensor.of(csv.type, spec.shape(), csv.bytes()));
      }
      Csv golden = Csv.find(file.getParent(), name + "_golden");
      Map<String, Tensor> outputs = p.predict(feed);
      assertEquals(1, outputs.size(), name + " outputs");
      Tensor out = outputs.values().iterator().next();
      assertEquals(golden.type, out.dataType(), name + " output type");
      byte[] actual = new byte[out.data().remaining()];
      out.data().duplicate().get(actual);
      byte[] expected = new byte[golden.bytes().remaining()];
      golden.bytes().get(expected);
      int known = TFLITE_ONLY_ROUNDING.getOrDefault(name, 0);
      if (known == 0) {
        assertArrayEquals(expected, actual, name + " (bit for bit with Google's golden output)");
        return;
      }
      assertEquals(expected.length, actual.length, name + " output size");
      ShortBuffer want = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
      ShortBuffer got = ByteBuffer.wrap(actual).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
      int differing = 0;
      for (int i = 0; i < want.limit(); i++) {
        int d = Math.abs(want.get(i) - got.get(i));
        assertTrue(d <= 1, name + "[" + i + "] differs from the golden by " + d);
        differing += d == 0 ? 0 : 1;
      }
      assertEquals(known, differing, name + ": elements off the golden by TFLite-only rounding");
      Optional<TflmOracle> oracle = TflmOracle.available();
      if (oracle.isPresent()) {
        TflmOracle.Result r = oracle.get().run(file, rawInputs(file, name));
        assertTrue(r.ok(), () -> "tflm_oracle refused " + file + ": " + r.error());
        assertArrayEquals(r.outputs(), actual, name + " (bit for bit with TensorFlow Lite Micro)");
      }
    }
  }

  private static byte[] rawInputs(Path file, String name) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int i = 0; Csv.exists(file.getParent(), name + "_input" + i); i++) {
      ByteBuffer b = Csv.find(file.getParent(), name + "_input" + i).bytes();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      raw.write(bytes);
    }
    return raw.toByteArray();
  }

  /** One CSV of Google's: comma-separated integers in C order, the type in the file's name. */
  private record Csv(DataType type, long[] values) {
    static boolean exists(Path dir, String prefix) {
      for (String suffix : new String[] {"int8", "int16", "int32"}) {
        if (Files.exists(dir.resolve(prefix + "_" + suffix + ".csv"))) {
          return true;
        }
      }
      return false;
    }

    static Csv find(Path dir, String prefix) throws IOException {
      for (String suffix : new String[] {"int8", "int16", "int32"}) {
        Path p = dir.resolve(prefix + "_" + suffix + ".csv");
        if (Files.exists(p)) {
          String text = Files.readString(p, StandardCharsets.US_ASCII).strip();
          long[] values = Stream.of(text.split("[,\\s]+")).mapToLong(Long::parseLong).toArray();
          return new Csv(DataType.fromLabel(suffix), values);
        }
      }
      throw new IOException("no " + prefix + "_*.csv in " + dir);
    }

    ByteBuffer bytes() {
      ByteBuffer b =
          ByteBuffer.allocate(values.length * type.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
      for (long v : values) {
        switch (type) {
          case INT8 -> b.put((byte) v);
          case INT16 -> b.putShort((short) v);
          default -> b.putInt((int) v);
        }
      }
      return b.flip();
    }
  }
}
