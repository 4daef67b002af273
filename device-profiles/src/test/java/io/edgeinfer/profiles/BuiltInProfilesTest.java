package io.edgeinfer.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped profiles: all listed, all valid, the launcher's jvm line in each, sensible values.
 */
class BuiltInProfilesTest {
  private static final Pattern JVM_LINE = Pattern.compile("(?m)^jvm: \"([^\"]*)\"$");

  @Test
  void theIndexListsEveryBoardOfTheIssueAndEveryFile() throws Exception {
    assertEquals(
        List.of(
            "pi-zero-2w",
            "pi-3b-plus",
            "pi-4-2gb",
            "pi-4-4gb",
            "pi-4-8gb",
            "pi-5-4gb",
            "pi-5-8gb",
            "generic-arm64",
            "generic-armv7",
            "small-x86",
            "workstation"),
        Profiles.names());
    URL index = getClass().getClassLoader().getResource(Profiles.INDEX);
    try (Stream<Path> files = Files.list(Path.of(index.toURI()).getParent())) {
      List<String> yamlFiles =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".yaml"))
              .map(f -> f.substring(0, f.length() - ".yaml".length()))
              .sorted()
              .toList();
      assertEquals(Profiles.names().stream().sorted().toList(), yamlFiles);
    }
  }

  @Test
  void everyProfileHasTheLaunchersJvmLineEqualToWhatTheReaderReads() {
    for (String name : Profiles.names()) {
      String yaml = Profiles.builtInYaml(name);
      Matcher m = JVM_LINE.matcher(yaml);
      assertTrue(m.find(), name + " has no line jvm: \"...\"");
      assertEquals(Profiles.builtIn(name).jvm(), m.group(1), name);
      assertTrue(!m.find(), name + " has two jvm lines");
    }
  }

  @Test
  void writerOutputReadsBackEqualForEveryProfile() {
    for (DeviceProfile profile : Profiles.all()) {
      String yaml = ProfileWriter.toYaml(profile, "written by a test\nsecond line");
      assertEquals(profile, ProfileReader.read("written", new StringReader(yaml)));
      assertTrue(JVM_LINE.matcher(yaml).find(), yaml);
    }
  }

  @Test
  void smallAnd32BitBoardsPreferLiteAndInt8WithASmallHeap() {
    DeviceProfile zero = Profiles.builtIn("pi-zero-2w");
    assertEquals(512, zero.memoryMb());
    assertEquals(EngineKind.LITE, zero.engine());
    assertEquals(Precision.INT8, zero.precision());
    assertTrue(zero.jvm().contains("-Xmx128m") && zero.jvm().contains("-XX:+UseSerialGC"));
    DeviceProfile armv7 = Profiles.builtIn("generic-armv7");
    assertEquals(Arch.ARMV7, armv7.arch());
    assertEquals(EngineKind.LITE, armv7.engine());
    assertEquals(Precision.INT8, armv7.precision());
    assertEquals(EngineKind.TENSORFLOW, Profiles.builtIn("small-x86").engine());
    assertEquals(8192, Profiles.builtIn("small-x86").memoryMb());
    assertEquals(4, Profiles.builtIn("small-x86").cores());
    for (DeviceProfile p : Profiles.all()) {
      assertTrue(p.budgetMb() <= p.memoryMb(), p.name());
      assertTrue(p.budgetMb() >= p.engine().overheadMb(), p.name());
    }
  }

  @Test
  void theMemoryRangesOfOneBoardFamilyDoNotOverlap() {
    List<DeviceProfile> pi4 =
        Profiles.all().stream().filter(p -> p.name().startsWith("pi-4-")).toList();
    for (DeviceProfile a : pi4) {
      for (DeviceProfile b : pi4) {
        if (a != b) {
          assertTrue(
              a.detect().maxMemoryMb() < b.detect().minMemoryMb()
                  || b.detect().maxMemoryMb() < a.detect().minMemoryMb(),
              a.name() + " and " + b.name());
        }
      }
    }
  }
}
