package io.edgeinfer.examples.readme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every checked block of the READMEs ({@code ```console}, see {@link Transcript}) from the
 * repository's root, in the order a reader meets them, and compares what each command prints with
 * what the README shows ({@link OutputPattern}), so that the READMEs cannot go stale. Commands that
 * start with {@code ./mvnw} are not run: the build running this test has just done them.
 */
class ReadmeBlocksTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final List<String> READMES = List.of("README.md", "examples/seed-mlp/README.md");
  private static final long TIMEOUT_SECONDS = 300;

  @TestFactory
  Stream<DynamicTest> everyCheckedBlockPrintsWhatTheReadmeShows() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String readme : READMES) {
      Transcript transcript = Transcript.parse(Files.readString(ROOT.resolve(readme)));
      assertFalse(transcript.commands().isEmpty(), readme + " has no ```console block");
      for (Transcript.Command command : transcript.commands()) {
        if (command.text().startsWith("./mvnw")) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(
                readme + ":" + command.line() + " " + command.text(),
                () -> check(readme, command)));
      }
    }
    return tests.stream();
  }

  private static void check(String readme, Transcript.Command command) throws Exception {
    String output = run(command.text());
    assertTrue(
        new OutputPattern(command.expected()).matches(output),
        () ->
            readme
                + " line "
                + command.line()
                + ": $ "
                + command.text()
                + "\n--- the README shows\n"
                + String.join("\n", command.expected())
                + "\n--- it printed\n"
                + output);
  }

  /** Runs a command as a reader's shell would, at the root, with stderr in the same stream. */
  static String run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command);
    builder.directory(ROOT.toFile()).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s: " + command);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
