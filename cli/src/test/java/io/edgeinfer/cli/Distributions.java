package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The distributions that the package phase made, unpacked the way a user unpacks them. */
final class Distributions {
  private Distributions() {}

  static final String VERSION = System.getProperty("edgeinfer.version", "unknown");

  /**
   * The modules of this source tree whose jar a distribution must hold: the given ones, and those
   * of {@code coming} (module folder to artifact name, e.g. device-profiles) once their folder
   * exists.
   */
  static List<String> modules(List<String> always, Map<String, String> coming) {
    List<String> modules = new ArrayList<>(always);
    coming.forEach(
        (folder, artifact) -> {
          if (Files.isRegularFile(Path.of("..", folder, "pom.xml"))) {
            modules.add(artifact);
          }
        });
    return modules;
  }

  /** Modules on their way (issue 7): source folder to artifact name. */
  static final Map<String, String> COMING_TO_EDGE =
      Map.of(
          "device-profiles", "edgeinfer-device-profiles",
          "runtime/lite-vector", "edgeinfer-lite-vector");

  static final Map<String, String> COMING_TO_WORKSTATION =
      Map.of(
          "device-profiles", "edgeinfer-device-profiles",
          "runtime/lite-vector", "edgeinfer-lite-vector",
          "quantize", "edgeinfer-quantize");

  /**
   * Every third-party jar in {@code home}/lib is listed, with its version, in THIRD-PARTY.txt
   * beside it: {@code paho.mqttv5.client-1.2.5.jar} as {@code :paho.mqttv5.client:1.2.5}.
   */
  static void assertEveryLibraryHasItsLicence(Path home) throws IOException {
    String listing = Files.readString(home.resolve("THIRD-PARTY.txt"));
    List<String> jars;
    try (var files = Files.list(home.resolve("lib"))) {
      jars =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jar") && !n.startsWith("edgeinfer-"))
              .toList();
    }
    assertTrue(jars.size() > 3, "expected third-party jars, found " + jars);
    for (String jar : jars) {
      Matcher name = Pattern.compile("(.+?)-(\\d[^-]*)(-.*)?\\.jar").matcher(jar);
      assertTrue(name.matches(), jar);
      String coordinates = ":" + name.group(1) + ":" + name.group(2);
      assertTrue(listing.contains(coordinates), coordinates + " not in THIRD-PARTY.txt");
    }
  }

  /** target/edgeinfer-VERSION-NAME.tar.gz; NAME is edge or workstation. */
  static Path tarball(String name) {
    return Path.of(System.getProperty("edgeinfer.target", "target"))
        .resolve("edgeinfer-" + VERSION + "-" + name + ".tar.gz");
  }

  /**
   * Unpacks distribution NAME into {@code into} with tar and returns its top folder. Tests that
   * call this are skipped in the test phase and run after package (the cli pom's
   * distribution-tests).
   */
  static Path unpack(String name, Path into) throws IOException, InterruptedException {
    assumeTrue(
        "packaged".equals(System.getProperty("edgeinfer.distributions")),
        "skipped: needs the packaged distributions; runs in the integration-test phase");
    Path tarball = tarball(name);
    assertTrue(Files.isRegularFile(tarball), "expected the distribution " + tarball);
    Launched tar =
        Launched.run(
            List.of("tar", "-xzf", tarball.toString(), "-C", into.toString()),
            Map.of(),
            "",
            Duration.ofMinutes(5));
    assertEquals(0, tar.exitCode(), tar.toString());
    Path home = into.resolve("edgeinfer-" + VERSION + "-" + name);
    assertTrue(Files.isExecutable(home.resolve("bin/edgeinfer")), "no bin/edgeinfer in " + home);
    return home;
  }
}
