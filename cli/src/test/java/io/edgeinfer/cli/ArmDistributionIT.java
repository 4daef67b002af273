package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.mqtt.PrivateMosquitto;
import io.edgeinfer.tensorflow.testing.SharedModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge distribution on Raspberry Pi-class JVMs: its own bin/edgeinfer, with JAVA_HOME at the
 * team's emulated arm64 and 32-bit ARM JVMs (../shared/tools/arm-jvm.sh, qemu-user), runs {@code
 * profile detect}, {@code predict} on an int8 .tflite model and, on 32-bit ARM, {@code serve}
 * answering one MQTT request. Emulation is slow: the timeouts are generous and nothing is timed.
 */
class ArmDistributionIT {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");
  private static final Duration EMULATED = Duration.ofMinutes(15);

  /** What a small board's profile would ask of its JVM. */
  private static final String BOARD_JVM = "-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1";

  @TempDir static Path dir;
  static Path tool;
  static Path home;
  static Path model;

  @BeforeAll
  static void unpack() throws Exception {
    tool = Path.of(System.getProperty("edgeinfer.shared", "../shared"), "tools", "arm-jvm.sh");
    assumeTrue(Files.isExecutable(tool), "skipped: " + tool + " is absent (the team's ARM JVMs)");
    model = SharedModels.require("tflite/hello_world_int8.tflite");
    home = Distributions.unpack("edge", Files.createDirectories(dir.resolve("dist")));
  }

  /** A JAVA_HOME whose bin/java is the emulated JVM of ARCH, with that JVM's release file. */
  private static Path armJavaHome(String arch) throws Exception {
    Path javaHome = dir.resolve("java-" + arch);
    if (Files.isDirectory(javaHome)) {
      return javaHome;
    }
    Launched setup =
        Launched.run(List.of(tool.toString(), arch, "--setup-only"), Map.of(), "", EMULATED);
    assertEquals(0, setup.exitCode(), setup.toString());
    Path armJava = Path.of(setup.out().strip());
    Files.createDirectories(javaHome.resolve("bin"));
    Path java =
        Files.writeString(
            javaHome.resolve("bin/java"), "#!/bin/sh\nexec '" + tool + "' " + arch + " \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(
        javaHome.resolve("release"), armJava.getParent().getParent().resolve("release"));
    return javaHome;
  }

  private static Map<String, String> armEnv(String arch) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", armJavaHome(arch).toString());
    env.put("JAVA_OPTS", BOARD_JVM);
    env.put("XDG_CACHE_HOME", dir.resolve("cache-" + arch).toString());
    return env;
  }

  private static Launched edgeinfer(String arch, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/edgeinfer").toString()));
    command.addAll(List.of(args));
    return Launched.run(command, armEnv(arch), stdin, EMULATED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arm64", "armhf"})
  void predictsSinOnArm(String arch) throws Exception {
    Launched run =
        edgeinfer(arch, "[[0.77], [1.57], [2.3], [3.14]]", "predict", "--model", model.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertSines(arch, run, 0.77, 1.57, 2.3, 3.14);
  }

  private static void assertSines(String arch, Launched run, double... x) {
    String line = run.out().lines().filter(l -> l.startsWith("{\"input\"")).findFirst().orElse("");
    assertTrue(line.contains("predictions"), arch + ": " + run);
    Matcher numbers = NUMBER.matcher(line.substring(line.indexOf("predictions")));
    for (double value : x) {
      assertTrue(numbers.find(), run.out());
      assertEquals(Math.sin(value), Double.parseDouble(numbers.group()), 0.05, arch + ": " + run);
    }
  }

  /** True once the device-profiles module brings its command (issue 7, in progress). */
  private static boolean hasProfileCommand() {
    return Main.commandLine(InputStream.nullInputStream()).getSubcommands().containsKey("profile");
  }

  @ParameterizedTest
  @ValueSource(strings = {"arm64", "armhf"})
  void detectsAnArmProfileAndAppliesIt(String arch) throws Exception {
    assumeTrue(
        hasProfileCommand(),
        "skipped: this build has no 'profile' command yet (the device-profiles module)");
    Launched detect = edgeinfer(arch, "", "profile", "detect", "--name-only");
    assertEquals(0, detect.exitCode(), detect.toString());
    String name = detect.out().strip();
    Path profile = home.resolve("profiles/" + name + ".yaml");
    assertTrue(Files.isRegularFile(profile), "no profile file for '" + name + "': " + detect);
    String arches =
        Files.readString(profile).lines().filter(l -> l.startsWith("arch:")).toList().toString();
    for (String x86 : List.of("x86", "amd64")) {
      assertFalse(arches.toLowerCase(Locale.ROOT).contains(x86), arch + " got " + profile);
    }

    // The launcher's --profile auto: the same answer, kept in the cache, and predict still right.
    Launched auto =
        edgeinfer(arch, "[[1.57]]", "predict", "--profile", "auto", "--model", model.toString());
    assertEquals(0, auto.exitCode(), auto.toString());
    assertSines(arch, auto, 1.57);
    Path cache = dir.resolve("cache-" + arch).resolve("edgeinfer");
    try (var files = Files.list(cache)) {
      Path cached =
          files
              .filter(f -> f.getFileName().toString().startsWith("profile-auto"))
              .findFirst()
              .orElseThrow();
      assertEquals(name, Files.readString(cached).strip());
    }
  }

  /**
   * The outbox lives on tmpfs: a 32-bit JVM under qemu-user cannot list a folder on this host's
   * ext4 (readdir gets 64-bit directory offsets: "Value too large for defined data type"), which a
   * 32-bit kernel on a board never hands out.
   */
  @Test
  void servesOneMqttRequestOn32BitArm() throws Exception {
    Path shm = Path.of("/dev/shm");
    Path outbox =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "edgeinfer-arm-outbox")
            : dir.resolve("outbox");
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"))) {
      new ServedOnce(home, armEnv("armhf"), broker.uri(), dir.resolve("serve"), outbox, EMULATED)
          .check(model, "[[1.57]]", Math.sin(1.57), 0.05);
    } finally {
      deleteTree(outbox);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
