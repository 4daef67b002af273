package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.profiles.Profiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F10: a valid .tflite of 1,000,000 operators, and one of 99,999 operators and 100,000 tensors that
 * fits the absolute limits but not a Pi Zero 2 W's heap, are each refused in one line under {@code
 * --profile pi-zero-2w}, in a JVM started with that profile's own options (-Xmx128m): no
 * OutOfMemoryError, no stack trace.
 */
class HugeModelTest {
  @TempDir Path dir;

  /**
   * {@code operators} RELUs, with a signature: small on disk, large in memory. In place on one
   * tensor, or each into a tensor of its own.
   */
  private Path reluChain(int operators, boolean ownTensors) throws Exception {
    LiteModelBuilder model = new LiteModelBuilder();
    LiteModelBuilder.Graph g = model.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    int last = x;
    for (int i = 0; i < operators; i++) {
      int next = ownTensors ? g.tensor("t" + i, DataType.FLOAT32, 1, 4) : x;
      g.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {last}, next);
      last = next;
    }
    g.inputs(x).outputs(last);
    model.signature("serving_default", g, Map.of("x", x), Map.of("y", last));
    Path file = dir.resolve(operators + ".tflite");
    TfliteWriter.write(model.build(), file);
    return file;
  }

  /** {@code edgeinfer bench --profile pi-zero-2w} in a JVM with the profile's options. */
  private static Launched bench(Path model) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(Profiles.builtIn("pi-zero-2w").jvm().split(" ")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(
        List.of("bench", "-m", model.toString(), "--profile", "pi-zero-2w", "--iterations", "1"));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes());
    String err = new String(process.getErrorStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bench did not end");
    return new Launched(process.exitValue(), out, err);
  }

  record Launched(int exitCode, String out, String err) {}

  @Test
  void aMillionOperatorsAreRefusedInOneLine() throws Exception {
    Path file = reluChain(1_000_000, false);
    assertTrue(Files.size(file) > 30_000_000, "a valid file of " + Files.size(file) + " bytes");
    Launched bench = bench(file);
    assertEquals(1, bench.exitCode(), bench.toString());
    assertEquals(
        "edgeinfer: "
            + file
            + ": expected at most 100000 operators in a model (edgeinfer's limit, far above what"
            + " converters write), found 1000000\n",
        bench.err());
  }

  @Test
  void whatFitsTheLimitsButNotThePiZerosHeapIsRefusedBeforeDecoding() throws Exception {
    // 99,999 x 512 + 100,000 x 384 bytes = 85.4 MB of objects once loaded.
    Path file = reluChain(99_999, true);
    Launched bench = bench(file);
    assertEquals(1, bench.exitCode(), bench.toString());
    // -Xmx128m: half of the heap the JVM reports (a little under 128 MB) for the model's objects.
    assertTrue(
        bench
            .err()
            .matches(
                "edgeinfer: "
                    + java.util.regex.Pattern.quote(file.toString())
                    + ": expected a model whose objects fit half of this JVM's heap \\(6[0-3]"
                    + " MB\\), found one that needs about 86 MB to load: 99999 operators and"
                    + " 100000 tensors\n"),
        bench.err());
  }
}
