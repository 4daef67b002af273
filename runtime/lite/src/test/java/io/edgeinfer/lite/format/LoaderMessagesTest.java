package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Shape;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F9: every way the lite engine refuses a file ends in one line for a person, saying what was
 * expected and what was found, with no text of Java's own (a NullPointerException's "Cannot invoke
 * ... because ... is null", an index's bounds, a class name). Loads through the engine, as {@code
 * predict} does: the reader, the checks, and compiling the kernels.
 */
class LoaderMessagesTest {
  private static final long SEED = 20_261_207L;

  /** Text only Java itself writes. */
  private static final Pattern INTERNAL =
      Pattern.compile(
          "Cannot (invoke|read|load|store)|because|\\bnull\\b|Exception|Error\\b|java\\.|"
              + "io\\.edgeinfer|<local\\d+>|Index \\d+ out of bounds|\\$");

  @TempDir Path dir;

  /** x [-1, 2] -> FULLY_CONNECTED 3 -> RELU -> FULLY_CONNECTED 1, with its signature. */
  private static byte[] mlp() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 2);
    int w1 =
        g.constant("w1", DataType.FLOAT32, Shape.of(3, 2), LiteBuffer.ofFloats(1, 2, 3, 4, 5, 6));
    int h = g.tensor("h", DataType.FLOAT32, -1, 3);
    int w2 = g.constant("w2", DataType.FLOAT32, Shape.of(1, 3), LiteBuffer.ofFloats(1, -1, 1));
    int y = g.tensor("y", DataType.FLOAT32, -1, 1);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.RELU),
        new int[] {x, w1, -1},
        h);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {h, w2, -1},
        y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    return TfliteWriter.toBytes(b.build());
  }

  /** What a user would read after "edgeinfer: ", or null when the file loads. */
  private String refusal(byte[] bytes, String what) throws Exception {
    Path file = Files.write(dir.resolve("m.tflite"), bytes);
    try {
      Model model = Engines.load(file, "lite", LoadOptions.DEFAULTS);
      model.close();
      return null;
    } catch (ModelException | IllegalArgumentException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": expected a ModelException, found " + e, e);
    }
  }

  private static void assertReadable(String message, String what) {
    assertTrue(message != null && !message.isBlank(), what + ": no message");
    assertTrue(!message.contains("\n"), what + ": more than one line: " + message);
    assertTrue(
        message.contains("expected") && message.contains("found")
            // What edgeinfer cannot hold is listed by name (schema version N, an op, a type).
            || message.matches(".*(cannot be read|cannot read|cannot run|unsupported [a-z ]+): .+"),
        what + ": expected what was expected and found, found: " + message);
    assertTrue(
        !INTERNAL.matcher(message.replace("m.tflite", "")).find(),
        what + ": internal text: " + message);
  }

  @Test
  void namedDamagesAreExplained() throws Exception {
    byte[] good = mlp();
    assertEquals(null, refusal(good, "the model as written"));
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"an empty file", new byte[0]});
    cases.add(new Object[] {"8 bytes", Arrays.copyOf(good, 8)});
    cases.add(new Object[] {"half the file", Arrays.copyOf(good, good.length / 2)});
    cases.add(new Object[] {"all but the last byte", Arrays.copyOf(good, good.length - 1)});
    byte[] identifier = good.clone();
    identifier[4] = 'X';
    cases.add(new Object[] {"another identifier", identifier});
    byte[] root = good.clone();
    le(root).putInt(0, good.length + 100);
    cases.add(new Object[] {"a root outside the file", root});
    cases.add(new Object[] {"a signature at a missing tensor", signatureOutput(good, 999)});
    cases.add(new Object[] {"a signature at tensor -1", signatureOutput(good, -1)});
    for (Object[] c : cases) {
      String what = (String) c[0];
      String message = refusal((byte[]) c[1], what);
      assertReadable(message, what);
    }
    assertEquals(
        dir.resolve("m.tflite")
            + ": signature_defs[0] 'serving_default' outputs 'y': expected a tensor index below 5,"
            + " found 999",
        refusal(signatureOutput(good, 999), "a signature at a missing tensor"));
  }

  @Test
  void randomDamageIsExplainedOrLoads() throws Exception {
    byte[] good = mlp();
    SplittableRandom random = new SplittableRandom(SEED);
    int refused = 0;
    for (int trial = 0; trial < 1_500; trial++) {
      byte[] bytes = good.clone();
      int damaged = 1 + random.nextInt(trial % 3 == 0 ? 8 : 1);
      for (int i = 0; i < damaged; i++) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
      }
      String what = "trial " + trial + " of seed " + SEED;
      String message = refusal(bytes, what);
      if (message != null) {
        assertReadable(message, what);
        refused++;
      }
    }
    assertTrue(refused > 300, refused + " of 1500 refused");
  }

  /** The file with the first signature's first output pointing at tensor {@code index}. */
  private static byte[] signatureOutput(byte[] original, int index) {
    byte[] bytes = original.clone();
    ByteBuffer bb = le(bytes);
    int root = bb.getInt(0);
    int signature = element(bb, vector(bb, root, Schema.Model.SIGNATURE_DEFS), 0);
    int output = element(bb, vector(bb, signature, Schema.SignatureDef.OUTPUTS), 0);
    bb.putInt(TestModels.fieldPosition(bb, output, Schema.TensorMap.TENSOR_INDEX), index);
    return bytes;
  }

  private static int vector(ByteBuffer bb, int table, int field) {
    int at = TestModels.fieldPosition(bb, table, field);
    return at + bb.getInt(at);
  }

  private static int element(ByteBuffer bb, int vector, int i) {
    int at = vector + 4 + 4 * i;
    return at + bb.getInt(at);
  }

  private static ByteBuffer le(byte[] bytes) {
    return TestModels.le(bytes);
  }
}
