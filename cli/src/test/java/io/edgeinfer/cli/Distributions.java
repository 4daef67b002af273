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
