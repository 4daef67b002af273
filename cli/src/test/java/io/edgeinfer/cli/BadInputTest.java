package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets one line on stderr that says what was expected and what was found. */
class BadInputTest {
  @TempDir static Path dir;
  static Path affine;
  static Path strings;

  @BeforeAll
  static void makeModels() throws Exception {
    affine = TestSavedModels.affine(dir.resolve("affine"));
    strings = TestSavedModels.strings(dir.resolve("strings"));
  }

  /** Runs and checks the run failed with exactly one line, no stack trace. */
  private static String failure(int exitCode, String... args) {
    Cli cli = Cli.run(args);
    assertEquals(exitCode, cli.exitCode(), cli.toString());
    assertEquals("", cli.out(), cli.toString());
    assertFalse(cli.err().contains("\tat "), cli.toString());
    return cli.err().strip();
  }

  private static String predictFailure(String inputName, String content) throws IOException {
    Path input = Files.writeString(dir.resolve(inputName), content);
    String err = failure(1, "predict", "-m", affine.toString(), "-i", input.toString());
    assertEquals(1, err.lines().count(), err);
    String prefix = "edgeinfer: " + input + ": ";
    assertTrue(err.startsWith(prefix), err);
    return err.substring(prefix.length());
  }

  @Test
  void missingModelPath() {
    Path missing = dir.resolve("no-such-model");
    assertEquals(
        "edgeinfer: no such file or directory: " + missing,
        failure(1, "inspect", missing.toString()));
  }

  @Test
  void folderThatIsNotASavedModel() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("just-a-folder"));
    assertEquals(
        "edgeinfer: expected a .tflite file or a SavedModel directory (with saved_model.pb), found a"
            + " directory that is neither: "
            + folder,
        failure(1, "inspect", folder.toString()));
  }

  @Test
  void truncatedSavedModel() throws IOException {
    Path model = TestSavedModels.affine(dir.resolve("truncated"));
    Path pb = model.resolve("saved_model.pb");
    byte[] bytes = Files.readAllBytes(pb);
    Files.write(pb, Arrays.copyOf(bytes, bytes.length - 100));
    String err = failure(1, "inspect", model.toString());
    assertTrue(err.startsWith("edgeinfer: truncated or corrupted " + pb), err);
    assertEquals(1, err.lines().count(), err);
  }

  @Test
  void unknownSignatureListsTheAvailableOnes() {
    assertEquals(
        "edgeinfer: unknown signature 'classify': expected one of double, serving_default",
        failure(1, "predict", "-m", affine.toString(), "--signature", "classify", "-i", "-"));
  }

  @Test
  void unknownInputNameListsTheExpectedOnes() throws IOException {
    assertEquals(
        "unknown input 'features' for signature 'serving_default': expected x at line 1, column 13",
        predictFailure("named.json", "{\"inputs\": {\"features\": [[1, 2, 3]]}}"));
  }

  @Test
  void wrongShape() throws IOException {
    assertEquals(
        "input 'x': expected shape [-1, 3], found [1, 2]",
        predictFailure("short.json", "{\"instances\": [[1, 2]]}"));
  }

  @Test
  void wrongDtype() throws IOException {
    String err = predictFailure("text.json", "{\"instances\": [[\"a\", \"b\", \"c\"]]}");
    assertTrue(err.startsWith("input 'x': expected a float32 number, found a string"), err);
    assertTrue(err.contains("line 1, column"), err);
  }

  @Test
  void malformedJsonSaysWhere() throws IOException {
    String err = predictFailure("broken.json", "{\"instances\": [[1, 2, 3]\n  [4, 5, 6]]}");
    assertTrue(err.contains("line 2, column"), err);
  }

  @Test
  void malformedCsvSaysWhere() throws IOException {
    String err = predictFailure("broken.csv", "1,2,3\n4,five,6\n");
    assertTrue(err.contains("line 2, column 2"), err);
    assertTrue(err.contains("'five'"), err);
  }

  @Test
  void malformedNpySaysWhere() throws IOException {
    String err = predictFailure("broken.npy", "\u0093NUMPX");
    assertTrue(err.startsWith("expected an NPY file"), err);
  }

  @Test
  void unknownExtensionAsksForFormat() throws IOException {
    String err = predictFailure("input.txt", "1,2,3");
    assertEquals(
        "cannot tell the format from the file name: expected .json, .csv, .csv.gz, .npy, .raw or"
            + " an image (.png, .jpg, .jpeg, .bmp), found 'input.txt' (use --format)",
        err);
  }

  @Test
  void badInputsAreSkippedAndTheRestStillPredicted() throws IOException {
    Path good = Files.writeString(dir.resolve("good.json"), "[[1, 1, 1]]");
    Path bad = Files.writeString(dir.resolve("bad.json"), "[[1, 1]]");
    Cli cli =
        Cli.run("predict", "-m", affine.toString(), "-i", bad.toString(), "-i", good.toString());
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals(1, Json.lines(cli.out()).size(), cli.toString());
    assertTrue(cli.err().startsWith("edgeinfer: " + bad + ": "), cli.toString());
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli cli = Cli.run("inspect", "--verbose", dir.resolve("nothing").toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().contains("\tat "), cli.toString());
  }

  @Test
  void usageErrorsExitWithTwo() {
    String err = failure(2, "predict", "--model");
    assertTrue(err.startsWith("edgeinfer: Missing required parameter for option '--model'"), err);
    assertTrue(err.endsWith("Try 'edgeinfer predict --help'."), err);
    assertTrue(failure(2, "frobnicate").contains("Unmatched argument"));
    assertTrue(failure(2).contains("expected a command"));
  }

  @Test
  void helpAndVersionSucceed() {
    Cli help = Cli.run("predict", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--signature"), help.out());
    Cli version = Cli.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("edgeinfer "), version.out());
  }

  @Test
  void stringInputsTakeText() throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("strings.json"),
            "{\"instances\": [{\"text\": \"abc\", \"count\": 41}, {\"text\": {\"b64\": \"AAE=\"},"
                + " \"count\": 9007199254740993}]}");
    Cli cli = Cli.run("predict", "-m", strings.toString(), "-i", input.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    String out = cli.out();
    assertTrue(out.contains("{\"length\":3,\"next\":42}"), out);
    assertTrue(out.contains("{\"length\":2,\"next\":9007199254740994}"), out);
  }
}
