package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * F9: every way the tensorflow engine refuses a damaged SavedModel, loading it or running it as
 * {@code predict} does, ends in one line for a person that names what was expected and what was
 * found, with no text of Java's or TensorFlow Java's own (a NullPointerException's "Cannot invoke
 * ... because ...", class names).
 */
class LoaderMessagesTest {
  private static final long SEED = 20_261_207L;

  private static final Pattern INTERNAL =
      Pattern.compile(
          "Cannot (invoke|read|load|store)|because \"|\\bnull\\b|Exception|java\\.|org\\.tensorflow|"
              + "io\\.edgeinfer|<local\\d+>|Index \\d+ out of bounds");

  @TempDir Path dir;

  private int copies;

  /** A fresh copy of the affine SavedModel with {@code damage} done to it. */
  private Path damaged(Consumer<Path> damage) throws IOException {
    Path model = TestSavedModels.affine(dir.resolve("m" + copies++));
    damage.accept(model);
    return model;
  }

  /** What a user would read after "edgeinfer: ", or null when the model loads and predicts. */
  private static String refusal(Path model, String what) {
    try (Model loaded = Engines.load(model, "tensorflow", LoadOptions.DEFAULTS);
        Predictor predictor = loaded.predictor("serving_default")) {
      predictor.predict(Map.of("x", Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3)));
      return null;
    } catch (ModelException | IllegalArgumentException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": expected a ModelException, found " + e, e);
    }
  }

  private static void assertReadable(String message, String what) {
    assertTrue(message != null && !message.isBlank(), what + ": no message");
    String first = message.lines().findFirst().orElse("");
    assertTrue(
        first.contains("expected") && first.contains("found")
            || first.matches("(truncated or corrupted|cannot (read|load|run)) .+")
            // The name asked for is what was found.
            || first.matches("unknown signature '.+': expected one of .+"),
        what + ": expected what was expected and found, found: " + message);
    assertTrue(!INTERNAL.matcher(first).find(), what + ": internal text: " + message);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The first file under variables/ whose name starts with {@code prefix}. */
  private static Path variablesFile(Path model, String prefix) {
    try (Stream<Path> files = Files.list(model.resolve("variables"))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The serving signature's output {@code y} renamed to a tensor the graph does not have. */
  private static void missingOutputTensor(Path model) {
    Path pb = model.resolve("saved_model.pb");
    try {
      SavedModel saved = SavedModel.parseFrom(read(pb));
      MetaGraphDef meta = saved.getMetaGraphs(0);
      SignatureDef serving = meta.getSignatureDefOrThrow("serving_default");
      TensorInfo y = serving.getOutputsOrThrow("y").toBuilder().setName("missing:0").build();
      MetaGraphDef changed =
          meta.toBuilder()
              .putSignatureDef("serving_default", serving.toBuilder().putOutputs("y", y).build())
              .build();
      write(pb, saved.toBuilder().setMetaGraphs(0, changed).build().toByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void namedDamagesAreExplained() throws Exception {
    assertEquals(null, refusal(damaged(m -> {}), "the model as written"));
    Map<String, Consumer<Path>> damages = new java.util.LinkedHashMap<>();
    damages.put("an empty saved_model.pb", m -> write(m.resolve("saved_model.pb"), new byte[0]));
    for (int percent : new int[] {1, 10, 50, 90, 99}) {
      damages.put(
          "saved_model.pb cut to " + percent + "%",
          m -> {
            byte[] pb = read(m.resolve("saved_model.pb"));
            write(m.resolve("saved_model.pb"), Arrays.copyOf(pb, pb.length * percent / 100));
          });
    }
    damages.put(
        "saved_model.pb of random bytes",
        m -> {
          byte[] noise = new byte[4096];
          new SplittableRandom(SEED).nextBytes(noise);
          write(m.resolve("saved_model.pb"), noise);
        });
    damages.put("no variables folder", m -> deleteTree(m.resolve("variables")));
    damages.put(
        "an empty variables index", m -> write(variablesFile(m, "variables.index"), new byte[0]));
    damages.put(
        "a variables index of random bytes",
        m -> {
          byte[] noise = new byte[256];
          new SplittableRandom(SEED + 1).nextBytes(noise);
          write(variablesFile(m, "variables.index"), noise);
        });
    damages.put(
        "variables data cut short",
        m -> {
          Path data = variablesFile(m, "variables.data");
          byte[] bytes = read(data);
          write(data, Arrays.copyOf(bytes, bytes.length / 2));
        });
    damages.put("a signature at a missing tensor", LoaderMessagesTest::missingOutputTensor);
    for (Map.Entry<String, Consumer<Path>> damage : damages.entrySet()) {
      String message = refusal(damaged(damage.getValue()), damage.getKey());
      assertReadable(message, damage.getKey());
    }
  }

  @Test
  void randomFlipsInTheGraphAreExplainedOrLoad() throws Exception {
    Path original = damaged(m -> {});
    byte[] pb = read(original.resolve("saved_model.pb"));
    SplittableRandom random = new SplittableRandom(SEED);
    int refused = 0;
    for (int trial = 0; trial < 60; trial++) {
      byte[] bytes = pb.clone();
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
      write(original.resolve("saved_model.pb"), bytes);
      String what = "flip " + trial + " of seed " + SEED;
      String message = refusal(original, what);
      if (message != null) {
        assertReadable(message, what);
        refused++;
      }
    }
    assertTrue(refused > 5, refused + " of 60 refused");
  }
}
