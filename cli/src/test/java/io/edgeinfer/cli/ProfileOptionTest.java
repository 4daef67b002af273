package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.profiles.EngineKind;
import io.edgeinfer.profiles.Profiles;
import io.edgeinfer.profiles.ServeTuning;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --profile on serve, predict and bench: defaults from the profile, flags win, budget checked. */
class ProfileOptionTest {
  private static Path smallModel(Path dir) throws Exception {
    Path file = dir.resolve("mlp.tflite");
    TfliteWriter.write(BenchModels.float32(), file);
    return file;
  }

  /** x [-1, 2048] -> FULLY_CONNECTED 2048: 16 MB of float32 weights. */
  private static Path wideModel(Path dir) throws Exception {
    int n = 2048;
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, n);
    int w =
        g.constant("w", DataType.FLOAT32, Shape.of(n, n), LiteBuffer.ofFloats(new float[n * n]));
    int y = g.tensor("y", DataType.FLOAT32, -1, n);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w, -1},
        y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve("wide.tflite");
    TfliteWriter.write(b.build(), file);
    return file;
  }

  @Test
  void serveTakesTheProfilesDefaultsAndTheFlagsWin() throws Exception {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve)
        .parseArgs(
            "-m",
            "model.tflite",
            "--input-topic",
            "t",
            "--profile",
            "pi-zero-2w",
            "--max-batch",
            "3",
            "--qos",
            "0");
    ServeTuning tuning = serve.settings().tuning();
    // Typed: max-batch 3, QoS 0; the rest is pi-zero-2w's.
    assertEquals(new ServeTuning(2, 3, 5, 0, 10_000, 16), tuning);

    ServeCommand plain = new ServeCommand();
    new CommandLine(plain).parseArgs("-m", "model.tflite", "--input-topic", "t");
    assertEquals(ServeTuning.BUILT_IN, plain.settings().tuning());
    assertEquals(new ServeTuning(1, 32, 2, 1, 100_000, 256), ServeTuning.BUILT_IN);
  }

  @Test
  void predictRunsWithABoardProfile(@TempDir Path dir) throws Exception {
    Path model = smallModel(dir);
    float[] zeros = new float[BenchModels.WIDTH];
    String input = "{\"instances\": [" + java.util.Arrays.toString(zeros) + "]}";
    for (String profile : new String[] {"pi-zero-2w", "pi-5-8gb", "auto"}) {
      Cli cli =
          Cli.runWithStdin(
              input.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "predict",
              "-m",
              model.toString(),
              "--profile",
              profile);
      assertEquals(0, cli.exitCode(), profile + ": " + cli);
      JsonNode out = Json.parse(cli.out());
      // Zero weights in, zero biases: every output is 0.
      assertEquals(BenchModels.OUTPUTS, out.get("predictions").get(0).size(), cli.out());
    }
  }

  @Test
  void aModelLargerThanTheBudgetIsRefusedBeforeItLoads(@TempDir Path dir) throws Exception {
    Path model = wideModel(dir);
    Path profile = dir.resolve("tiny.yaml");
    Files.writeString(
        profile,
        Profiles.builtInYaml("pi-zero-2w")
            .replace("name: pi-zero-2w", "name: tiny")
            .replace("budget-mb: 256", "budget-mb: 100"));
    MemoryNeed need = Engines.estimate(model, "lite", LoadOptions.DEFAULTS.withThreads(2, 1), 1);
    // 16 MB mapped + 16 MB of kernel copies + 96 MB of runtime.
    assertEquals(129, need.totalMb());
    Cli cli =
        Cli.run(
            "bench", "-m", model.toString(), "--profile", profile.toString(), "--iterations", "1");
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals(
        "edgeinfer: "
            + model
            + " needs 129 MB, the profile tiny allows 100 MB; try `edgeinfer quantize --mode"
            + " int8`\n",
        cli.err());
    assertEquals("", cli.out());
    // The same model fits the Pi 3 B+ (512 MB).
    Cli fits =
        Cli.run(
            "bench",
            "-m",
            model.toString(),
            "--profile",
            "pi-3b-plus",
            "--iterations",
            "5",
            "--warmup",
            "0",
            "--json");
    assertEquals(0, fits.exitCode(), fits.toString());
  }

  @Test
  void tensorFlowDoesNotFitAPiZero(@TempDir Path dir) throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Cli cli = Cli.run("bench", "-m", model.toString(), "--profile", "pi-zero-2w");
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals(
        "edgeinfer: "
            + model
            + " needs 301 MB, the profile pi-zero-2w allows 256 MB; try `edgeinfer quantize"
            + " --mode int8`\n",
        cli.err());
    Cli x86 =
        Cli.run(
            "bench",
            "-m",
            model.toString(),
            "--profile",
            "small-x86",
            "--iterations",
            "10",
            "--warmup",
            "0",
            "--json");
    assertEquals(0, x86.exitCode(), x86.toString());
    assertEquals("tensorflow", Json.parse(x86.out()).get("engine").asText());
  }

  @Test
  void theProfilesOverheadsAreTheEnginesOwn(@TempDir Path dir) throws Exception {
    MemoryNeed lite = Engines.estimate(smallModel(dir), null, LoadOptions.DEFAULTS, 1);
    assertEquals(EngineKind.LITE.overheadMb() << 20, lite.overheadBytes());
    MemoryNeed tf =
        Engines.estimate(
            TestSavedModels.affine(dir.resolve("affine")), null, LoadOptions.DEFAULTS, 1);
    assertEquals(EngineKind.TENSORFLOW.overheadMb() << 20, tf.overheadBytes());
  }
}
