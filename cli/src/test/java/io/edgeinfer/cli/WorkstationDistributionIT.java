package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workstation distribution: TensorFlow, training and the broker in, TF's start-up lines out.
 */
class WorkstationDistributionIT {
  @TempDir static Path dir;
  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    assumeFalse(
        Boolean.getBoolean("edgeinfer.skipWorkstation"),
        "skipped: -Dedgeinfer.skipWorkstation (no workstation distribution was made)");
    home = Distributions.unpack("workstation", Files.createDirectories(dir.resolve("dist")));
    long size = Files.size(Distributions.tarball("workstation"));
    System.out.printf("workstation distribution: %,d bytes (%.1f MB)%n", size, size / 1048576.0);
  }

  private static Launched edgeinfer(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/edgeinfer").toString()));
    command.addAll(List.of(args));
    return Launched.run(command, Map.of(), stdin, Duration.ofMinutes(3));
  }

  @Test
  void holdsEverything() throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(home.resolve("lib"))) {
      names = files.map(p -> p.getFileName().toString()).toList();
    }
    List<String> modules =
        Distributions.modules(
            List.of(
                "edgeinfer-cli",
                "edgeinfer-core",
                "edgeinfer-lite",
                "edgeinfer-mqtt",
                "edgeinfer-tensorflow",
                "edgeinfer-train",
                "edgeinfer-broker-embedded",
                "tensorflow-core-native"),
            Distributions.COMING_TO_WORKSTATION);
    for (String module : modules) {
      assertTrue(
          names.stream().anyMatch(n -> n.matches(module + "-\\d.*")), module + " not in " + names);
    }
    assertTrue(names.contains("tensorflow-core-native-1.1.0-linux-x86_64.jar"), names.toString());
    Distributions.assertEveryLibraryHasItsLicence(home);
    Launched help = edgeinfer("", "--help");
    List<String> commands = new ArrayList<>(List.of("inspect", "predict", "serve", "bench"));
    commands.addAll(List.of("train", "evaluate"));
    if (Files.isRegularFile(Path.of("../quantize/pom.xml"))) {
      commands.add("quantize");
    }
    if (Files.isRegularFile(Path.of("../device-profiles/pom.xml"))) {
      commands.add("profile");
    }
    for (String command : commands) {
      assertTrue(help.out().contains("  " + command + " "), help.out());
    }
  }

  @Test
  void predictsWithTensorFlowAndKeepsItsStartUpLinesOut() throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Launched predict =
        edgeinfer("[[1, 2, 3]]", "predict", "--model", model.toString(), "--signature", "double");
    assertEquals(0, predict.exitCode(), predict.toString());
    assertEquals("{\"input\":\"-\",\"predictions\":[[2.0,4.0,6.0]]}\n", predict.out());
    assertEquals("", predict.err());
  }
}
