package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.mqtt.PrivateMosquitto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's jlink recipe, as the edge distribution ships it (bin/jlink-runtime): a runtime image
 * with only the modules the edge jars need, which then runs predict and serve.
 */
class JlinkImageIT {
  @TempDir static Path dir;
  static Path home;
  static Path image;
  static Launched made;

  @BeforeAll
  static void makeImage() throws Exception {
    Path jdk = Path.of(System.getProperty("java.home"));
    assumeTrue(
        Files.isExecutable(jdk.resolve("bin/jlink")) && Files.isDirectory(jdk.resolve("jmods")),
        "skipped: this JVM is not a JDK with jmods (" + jdk + ")");
    home = Distributions.unpack("edge", Files.createDirectories(dir.resolve("dist")));
    image = dir.resolve("jre");
    made =
        Launched.run(
            List.of(home.resolve("bin/jlink-runtime").toString(), image.toString()),
            Map.of("JAVA_HOME", jdk.toString()),
            "",
            Duration.ofMinutes(10));
    assertEquals(0, made.exitCode(), made.toString());
    long bytes;
    try (Stream<Path> files = Files.walk(image)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(JlinkImageIT::size).sum();
    }
    System.out.printf(
        "jlink image: %,d bytes (%.1f MB); %s%n", bytes, bytes / 1048576.0, made.out().strip());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void holdsOnlyTheModulesJdepsFoundAndTls() throws IOException {
    String printed =
        made.out().lines().filter(l -> l.startsWith("modules: ")).findFirst().orElseThrow();
    Set<String> wanted = new TreeSet<>(Arrays.asList(printed.substring(9).split(",")));
    assertTrue(wanted.contains("java.base") && wanted.contains("jdk.crypto.ec"), printed);
    String release = Files.readString(image.resolve("release"));
    String modules =
        release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
    Set<String> present =
        Arrays.stream(modules.substring(9, modules.length() - 1).split(" "))
            .collect(Collectors.toCollection(TreeSet::new));
    // jlink adds what the wanted modules require; nothing of the JDK's tools or desktop.
    assertTrue(present.containsAll(wanted), present + " lacks some of " + wanted);
    for (String absent :
        List.of("jdk.compiler", "jdk.jlink", "jdk.jdeps", "jdk.jshell", "jdk.javadoc")) {
      assertTrue(!present.contains(absent), absent + " in " + present);
    }
    assertTrue(!Files.exists(image.resolve("include")) && !Files.exists(image.resolve("man")));
  }

  @Test
  void runsPredictAndServe() throws Exception {
    Path model = TinyModels.affine(dir.resolve("affine.tflite"));
    Map<String, String> env = Map.of("JAVA_HOME", image.toString());
    Launched predict =
        Launched.run(
            List.of(
                home.resolve("bin/edgeinfer").toString(), "predict", "--model", model.toString()),
            env,
            "[[0.5], [10]]",
            Duration.ofMinutes(2));
    assertEquals(0, predict.exitCode(), predict.toString());
    assertEquals("{\"input\":\"-\",\"predictions\":[[2.0],[21.0]]}\n", predict.out());
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"))) {
      Path work = dir.resolve("serve");
      new ServedOnce(home, env, broker.uri(), work, work.resolve("outbox"), Duration.ofMinutes(2))
          .check(model, "[[-1.5]]", -2.0, 1e-6);
    }
  }
}
