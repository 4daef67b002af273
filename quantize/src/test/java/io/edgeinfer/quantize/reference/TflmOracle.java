package io.edgeinfer.quantize.reference;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * TensorFlow Lite Micro's reference kernels ({@code ../shared/tools/tflm-oracle/tflm_oracle}, see
 * its README): raw input sets in, raw output sets out. Tests skip when it is absent.
 */
public final class TflmOracle {
  private TflmOracle() {}

  /** The binary, or the calling test is skipped with the reason it cannot run here. */
  public static Path require() {
    Path binary =
        Path.of(System.getProperty("edgeinfer.shared", "../shared"))
            .resolve("tools/tflm-oracle/tflm_oracle");
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    assumeTrue(
        os.contains("linux") && System.getProperty("os.arch").equals("amd64"),
        "skipped: tflm_oracle is a linux x86_64 binary");
    assumeTrue(Files.isExecutable(binary), "skipped: " + binary + " is absent or not executable");
    String problem;
    try {
      Call version = call(List.of(binary.toString(), "version"), 10);
      problem = version.exit == 0 ? null : "'tflm_oracle version' exited " + version.exit;
    } catch (IOException e) {
      problem = e.getMessage();
    }
    assumeTrue(problem == null, "skipped: tflm_oracle not runnable here: " + problem);
    return binary;
  }

  /**
   * Runs K input sets (each input tensor's bytes, in order) through the model.
   *
   * @return K output sets
   */
  public static byte[] run(Path model, byte[] inputSets) throws IOException {
    Path binary = require();
    Path dir = Files.createTempDirectory("tflm");
    Path in = dir.resolve("in.raw");
    Path out = dir.resolve("out.raw");
    Files.write(in, inputSets);
    try {
      Call call =
          call(
              List.of(binary.toString(), "run", model.toString(), in.toString(), out.toString()),
              120);
      if (call.exit != 0) {
        throw new IOException("tflm_oracle exit " + call.exit + ": " + call.stderr.strip());
      }
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
      Files.deleteIfExists(dir);
    }
  }

  private record Call(int exit, String stdout, String stderr) {}

  private static Call call(List<String> command, int seconds) throws IOException {
    Path err = Files.createTempFile("tflm", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("tflm_oracle did not finish within " + seconds + " s");
      }
      return new Call(
          process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for tflm_oracle", e);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
