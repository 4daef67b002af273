package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * TensorFlow Lite Micro's reference kernels as a command ({@code ../shared/tools/tflm-oracle}): the
 * ground truth for integer results. Tests that need it are skipped, with the reason, where it
 * cannot run (absent, not Linux x86_64).
 */
public final class TflmOracle {
  /** What the oracle gave for one run: the output bytes, or TFLM's refusal. */
  public record Result(int exitCode, byte[] outputs, String error) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final Path binary;

  private TflmOracle(Path binary) {
    this.binary = binary;
  }

  /** The oracle, or the test is skipped with the reason it cannot run here. */
  public static TflmOracle require() {
    Path binary = binary();
    assumeTrue(runnableHere(), "tflm_oracle needs Linux x86_64");
    assumeTrue(Files.isExecutable(binary), "tflm_oracle not runnable here: " + binary + " absent");
    return new TflmOracle(binary);
  }

  /** The oracle where it can run here, for checks that are extra rather than required. */
  public static Optional<TflmOracle> available() {
    Path binary = binary();
    return runnableHere() && Files.isExecutable(binary)
        ? Optional.of(new TflmOracle(binary))
        : Optional.empty();
  }

  private static Path binary() {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    return root.resolve("tools/tflm-oracle/tflm_oracle").toAbsolutePath().normalize();
  }

  private static boolean runnableHere() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("linux") && System.getProperty("os.arch", "").equals("amd64");
  }

  /**
   * Runs {@code model} on {@code inputs}: K input sets, each every input tensor's bytes in the
   * model's input order. The result holds K output sets the same way.
   */
  public Result run(Path model, byte[] inputs) throws IOException, InterruptedException {
    return run(model, inputs, false);
  }

  /**
   * Runs as {@link #run(Path, byte[])}; with {@code keepState} the sets run in sequence on one
   * interpreter, variable tensors (SVDF, LSTM state) carried over as a stream.
   */
  public Result run(Path model, byte[] inputs, boolean keepState)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tflm-oracle");
    try {
      Path in = dir.resolve("in.raw");
      Path out = dir.resolve("out.raw");
      Path err = dir.resolve("err.txt");
      Files.write(in, inputs);
      Process process =
          new ProcessBuilder(command(model, in, out, keepState))
              .redirectError(err.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("tflm_oracle did not finish within 120 s on " + model);
      }
      String error = Files.readString(err, StandardCharsets.UTF_8).strip();
      int code = process.exitValue();
      if (code == 2 || code == 3) {
        throw new IOException("tflm_oracle exit " + code + " on " + model + ": " + error);
      }
      return new Result(code, code == 0 ? Files.readAllBytes(out) : new byte[0], error);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private List<String> command(Path model, Path in, Path out, boolean keepState) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    if (keepState) {
      command.add("--keep-state");
    }
    command.addAll(
        List.of("run", model.toAbsolutePath().toString(), in.toString(), out.toString()));
    return command;
  }
}
