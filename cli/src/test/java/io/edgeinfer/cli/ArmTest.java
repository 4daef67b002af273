package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.tensorflow.testing.SharedModels;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lite engine on Raspberry Pi-class JVMs: {@code predict} on an int8 .tflite model under the
 * team's emulated arm64 and 32-bit ARM JVMs (qemu-user), with the same answers as on x86. The class
 * path holds only what the lite path needs: no TensorFlow, which has no 32-bit ARM build.
 */
class ArmTest {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");

  @ParameterizedTest
  @ValueSource(strings = {"arm64", "armhf"})
  void predictsSinOnArm(String arch, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path tool = Path.of(System.getProperty("edgeinfer.shared", "../shared"), "tools", "arm-jvm.sh");
    assumeTrue(Files.isExecutable(tool), "skipped: " + tool + " is absent (the team's ARM JVMs)");
    Path model = SharedModels.require("tflite/hello_world_int8.tflite");
    Path input = Files.writeString(dir.resolve("x.json"), "[[0.77], [1.57], [2.3], [3.14]]");
    List<String> command = new ArrayList<>(List.of(tool.toString(), arch, "-cp", edgeClassPath()));
    command.addAll(
        List.of(
            Main.class.getName(),
            "predict",
            "--model",
            model.toString(),
            "--input",
            input.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), "the " + arch + " JVM did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    String line = output.lines().filter(l -> l.startsWith("{\"input\"")).findFirst().orElse("");
    Matcher numbers = NUMBER.matcher(line.substring(line.indexOf("predictions")));
    double[] x = {0.77, 1.57, 2.3, 3.14};
    for (double value : x) {
      assertTrue(numbers.find(), output);
      assertEquals(
          Math.sin(value), Double.parseDouble(numbers.group()), 0.05, arch + ": " + output);
    }
  }

  private static final List<String> WORKSTATION_ONLY =
      List.of("tensorflow", "javacpp", "ndarray", "protobuf", "train", "artemis", "netty");

  /** This test's class path without TensorFlow, training and the broker: what a board carries. */
  private static String edgeClassPath() {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (WORKSTATION_ONLY.stream().noneMatch(entry::contains)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }
}
