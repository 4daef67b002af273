package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.mqtt.PrivateMosquitto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge distribution as a board gets it: what it holds (and leaves out), its size, and the
 * commands run through its bin/edgeinfer on this machine's JVM.
 */
class EdgeDistributionIT {
  /** Issue 7: the edge distribution without a JRE. */
  private static final long MAX_BYTES = 5L * 1024 * 1024;

  private static final List<String> WORKSTATION_ONLY =
      List.of(
          "tensorflow",
          "javacpp",
          "ndarray",
          "protobuf",
          "edgeinfer-train",
          "edgeinfer-quantize",
          "edgeinfer-broker",
          "artemis",
          "netty",
          "slf4j");

  @TempDir static Path dir;
  static Path home;
  static Path model;

  @BeforeAll
  static void unpack() throws Exception {
    home = Distributions.unpack("edge", Files.createDirectories(dir.resolve("dist")));
    model = TinyModels.affine(dir.resolve("affine.tflite"));
  }

  private static Launched edgeinfer(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/edgeinfer").toString()));
    command.addAll(List.of(args));
    return Launched.run(command, Map.of(), stdin, Duration.ofMinutes(2));
  }

  @Test
  void fitsInFiveMegabytes() throws IOException {
    long size = Files.size(Distributions.tarball("edge"));
    System.out.printf("edge distribution: %,d bytes (%.2f MB)%n", size, size / 1048576.0);
    assertTrue(size <= MAX_BYTES, "expected at most " + MAX_BYTES + " bytes, found " + size);
  }

  @Test
  void holdsTheEdgeJarsAndNothingNative() throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(home.resolve("lib"))) {
      jars = files.sorted().toList();
    }
    List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();
    List<String> modules =
        Distributions.modules(
            List.of("edgeinfer-cli", "edgeinfer-core", "edgeinfer-lite", "edgeinfer-mqtt"),
            Distributions.COMING_TO_EDGE);
    for (String module : modules) {
      assertTrue(
          names.stream().anyMatch(n -> n.matches(module + "-\\d.*")),
          "no " + module + " in " + names);
    }
    for (String name : names) {
      assertTrue(name.endsWith(".jar"), name);
      assertTrue(WORKSTATION_ONLY.stream().noneMatch(name::contains), "workstation jar " + name);
    }
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        List<String> natives =
            zip.stream()
                .map(e -> e.getName())
                .filter(n -> n.matches(".*\\.(so|so\\.\\d+|dll|dylib|jnilib|a)$"))
                .toList();
        assertEquals(List.of(), natives, "native code in " + jar.getFileName());
      }
    }
    for (String file :
        List.of("LICENSE", "README", "bin/jlink-runtime", "systemd/edgeinfer.service")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), "no " + file);
    }
    assertTrue(Files.readString(home.resolve("README")).contains(Distributions.VERSION));
  }

  @Test
  void listsTheLicenceOfEveryBundledLibrary() throws IOException {
    Distributions.assertEveryLibraryHasItsLicence(home);
    assertTrue(
        Files.readString(home.resolve("THIRD-PARTY.txt"))
            .contains(
                "(Eclipse Public License - Version 2.0) org.eclipse.paho.mqttv5.client"
                    + " (org.eclipse.paho:org.eclipse.paho.mqttv5.client:1.2.5"));
  }

  /** profiles/ holds every profile of the device-profiles module, once that module exists. */
  @Test
  void holdsTheDeviceProfiles() throws IOException {
    Path resources = Path.of("../device-profiles/src/main/resources/io/edgeinfer/profiles");
    assumeTrue(Files.isDirectory(resources), "skipped: no device-profiles module yet");
    List<String> expected;
    List<String> shipped;
    try (Stream<Path> source = Files.list(resources);
        Stream<Path> copied = Files.list(home.resolve("profiles"))) {
      // Every profile; the module's index.txt is for its own lookup, not for users.
      expected =
          source
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .sorted()
              .toList();
      shipped = copied.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertFalse(expected.isEmpty());
    assertEquals(expected, shipped);
  }

  @Test
  void offersTheEdgeCommandsOnly() throws Exception {
    Launched help = edgeinfer("", "--help");
    assertEquals(0, help.exitCode(), help.toString());
    List<String> commands = new ArrayList<>(List.of("inspect", "predict", "serve", "bench"));
    if (Files.isRegularFile(Path.of("../device-profiles/pom.xml"))) {
      commands.add("profile");
    }
    for (String command : commands) {
      assertTrue(help.out().contains("  " + command + " "), help.out());
    }
    for (String command : WorkstationOnly.COMMANDS) {
      assertFalse(help.out().contains("  " + command + " "), help.out());
    }
    Launched version = edgeinfer("", "--version");
    assertTrue(version.out().startsWith("edgeinfer " + Distributions.VERSION), version.toString());
  }

  @Test
  void inspectsPredictsAndBenchesTflite() throws Exception {
    Launched inspect = edgeinfer("", "inspect", model.toString());
    assertEquals(0, inspect.exitCode(), inspect.toString());
    assertTrue(inspect.out().contains("engine: lite"), inspect.out());

    Launched predict = edgeinfer("[[1.0], [2.5], [-3.0]]", "predict", "--model", model.toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    assertEquals("{\"input\":\"-\",\"predictions\":[[3.0],[6.0],[-5.0]]}\n", predict.out());
    // Nothing on stderr but, once lib/ holds the Vector API kernels, the JVM's incubator notice.
    assertEquals(
        List.of(),
        predict.errLines().stream().filter(l -> !l.contains("incubator modules")).toList(),
        predict.err());

    Launched bench =
        edgeinfer(
            "",
            "bench",
            "--model",
            model.toString(),
            "--iterations",
            "200",
            "--warmup",
            "50",
            "--json");
    assertEquals(0, bench.exitCode(), bench.toString());
    assertTrue(bench.out().matches("(?s).*\"engine\" *: *\"lite\".*"), bench.out());
  }

  @Test
  void saysWhereTheWorkstationPartsAre() throws Exception {
    Launched engine =
        edgeinfer("[[1.0]]", "predict", "--model", model.toString(), "--engine", "tensorflow");
    assertEquals(1, engine.exitCode(), engine.toString());
    assertEquals(
        List.of(
            "edgeinfer: expected an installed engine [lite], found --engine tensorflow, which is in"
                + " the workstation distribution"),
        engine.errLines());

    Path savedModel = Files.createDirectories(dir.resolve("saved"));
    Files.write(savedModel.resolve("saved_model.pb"), new byte[] {8, 1});
    Launched saved = edgeinfer("[[1.0]]", "predict", "--model", savedModel.toString());
    assertEquals(1, saved.exitCode(), saved.toString());
    assertEquals(
        List.of(
            "edgeinfer: expected a .tflite file, found a SavedModel directory: "
                + savedModel
                + " (SavedModels need the tensorflow engine of the workstation distribution)"),
        saved.errLines());

    Launched train = edgeinfer("", "train", "--data", "rows.csv", "--out", "x");
    assertEquals(2, train.exitCode(), train.toString());
    assertEquals(
        "edgeinfer: expected a command [inspect, predict, serve, bench, profile], found 'train', which is"
            + " in the workstation distribution",
        train.errLines().get(0));

    Launched broker =
        edgeinfer(
            "", "serve", "--model", model.toString(), "--broker", "embedded", "--input-topic", "x");
    assertEquals(1, broker.exitCode(), broker.toString());
    assertEquals(1, broker.errLines().size(), broker.toString());
    assertTrue(broker.err().contains("install Mosquitto"), broker.toString());
  }

  @Test
  void servesOneRequestAndDrainsOnSigterm() throws Exception {
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"))) {
      Path work = dir.resolve("serve");
      new ServedOnce(
              home, Map.of(), broker.uri(), work, work.resolve("outbox"), Duration.ofMinutes(2))
          .check(model, "[[4.0]]", 9.0, 1e-6);
    }
  }

  @Test
  void shipsAValidSystemdUnit() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    assumeTrue(Files.isExecutable(analyze), "skipped: systemd-analyze is not installed");
    // The unit as installed under /opt/edgeinfer and /etc/edgeinfer, pointed at this copy.
    String unit =
        Files.readString(home.resolve("systemd/edgeinfer.service"))
            .replace("/opt/edgeinfer", home.toString())
            .replace(
                "/etc/edgeinfer/edgeinfer.env", home.resolve("systemd/edgeinfer.env").toString());
    Path copy = Files.writeString(dir.resolve("edgeinfer.service"), unit);
    Launched verify =
        Launched.run(
            List.of(analyze.toString(), "verify", copy.toString()),
            Map.of(),
            "",
            Duration.ofMinutes(1));
    assertEquals(0, verify.exitCode(), verify.toString());
    assertEquals("", verify.err() + verify.out(), "systemd-analyze found problems");
    assertTrue(unit.contains("\nSuccessExitStatus=143\n"), unit);
  }
}
