package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ProfileReader;
import io.edgeinfer.profiles.Profiles;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profile list, show and detect. */
class ProfileCommandTest {
  private static Path fakePiZero(Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/device-tree"));
    Files.write(
        root.resolve("proc/device-tree/model"),
        "Raspberry Pi Zero 2 W Rev 1.0\0".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        root.resolve("proc/cpuinfo"),
        "processor\t: 0\n\nprocessor\t: 1\n\nprocessor\t: 2\n\nprocessor\t: 3\n\n"
            + "Model\t\t: Raspberry Pi Zero 2 W Rev 1.0\n");
    Files.writeString(root.resolve("proc/meminfo"), "MemTotal:         439504 kB\n");
    return root;
  }

  @Test
  void listShowsEveryBuiltInProfile() {
    Cli cli = Cli.run("profile", "list");
    assertEquals(0, cli.exitCode(), cli.toString());
    String[] lines = cli.out().split("\n");
    assertEquals(1 + Profiles.names().size(), lines.length, cli.out());
    assertTrue(lines[0].startsWith("NAME"), lines[0]);
    for (int i = 0; i < Profiles.names().size(); i++) {
      assertTrue(lines[i + 1].startsWith(Profiles.names().get(i) + " "), lines[i + 1]);
    }
    assertTrue(
        cli.out()
            .contains(
                "\npi-zero-2w     arm64     512 MB   256 MB  lite       int8      Raspberry Pi Zero"),
        cli.out());
  }

  @Test
  void showPrintsTheShippedFile() {
    Cli cli = Cli.run("profile", "show", "pi-zero-2w");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(Profiles.builtInYaml("pi-zero-2w"), cli.out());
    assertTrue(
        cli.out()
            .contains(
                "\njvm: \"-Xmx128m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                    + " -XX:ReservedCodeCacheSize=16m\"\n"),
        cli.out());
  }

  @Test
  void showAutoPrintsAProfileTheReaderAccepts() {
    Cli cli = Cli.run("profile", "show", "auto");
    assertEquals(0, cli.exitCode(), cli.toString());
    DeviceProfile detected = ProfileReader.read("shown", new StringReader(cli.out()));
    assertTrue(Profiles.names().contains(detected.name()), cli.out());
  }

  @Test
  void anUnknownNameIsAUsageErrorListingTheKnownOnes() {
    Cli cli = Cli.run("profile", "show", "pi-9");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(
        cli.err()
            .startsWith(
                "edgeinfer: unknown profile 'pi-9': expected one of pi-zero-2w, pi-3b-plus,"),
        cli.err());
    assertTrue(cli.err().contains("workstation, auto, or the path of a profile file\n"), cli.err());
    Cli predict = Cli.run("predict", "-m", "model.tflite", "--profile", "pi-9");
    assertEquals(2, predict.exitCode(), predict.toString());
    assertTrue(predict.err().startsWith("edgeinfer: unknown profile 'pi-9'"), predict.err());
  }

  @Test
  void aMalformedFileNamesTheFieldAndWhy(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, Profiles.builtInYaml("pi-4-2gb").replace("cores: 4", "cores: -1"));
    Cli cli = Cli.run("profile", "show", file.toString());
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals(
        "edgeinfer: " + file + ": field 'cores': expected a whole number >= 1, found -1\n",
        cli.err());
    Cli predict = Cli.run("predict", "-m", "model.tflite", "--profile", file.toString());
    assertEquals(1, predict.exitCode(), predict.toString());
    assertEquals(cli.err(), predict.err());
  }

  @Test
  void detectSaysWhichProfileAndWhy(@TempDir Path dir) throws Exception {
    Path root = fakePiZero(dir);
    Cli text = Cli.run("profile", "detect", "--system-root", root.toString());
    assertEquals(0, text.exitCode(), text.toString());
    assertEquals(
        "pi-zero-2w: Raspberry Pi Zero 2 W: 4x Cortex-A53 1 GHz, 512 MB\n"
            + "engine lite, precision int8, 2 threads, budget 256 MB of 512 MB, batches of up to 8"
            + " within 5 ms\n"
            + "jvm: -Xmx128m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:ReservedCodeCacheSize=16m\n"
            + "why:\n"
            + "  board model 'Raspberry Pi Zero 2 W Rev 1.0' (from /proc/device-tree/model)"
            + " matches pi-zero-2w's pattern '^Raspberry Pi Zero 2'\n"
            + "  MemTotal 429 MB is in pi-zero-2w's range (any memory)\n",
        text.out());
    Cli name = Cli.run("profile", "detect", "--name-only", "--system-root", root.toString());
    assertEquals("pi-zero-2w\n", name.out());
    Cli json = Cli.run("profile", "detect", "--json", "--system-root", root.toString());
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode node = Json.parse(json.out());
    assertEquals("pi-zero-2w", node.get("profile").asText());
    assertTrue(node.get("named_board").asBoolean());
    assertEquals(256, node.get("budget_mb").asInt());
    assertEquals("lite", node.get("engine").asText());
    assertEquals(2, node.get("reasons").size());
    assertEquals("Raspberry Pi Zero 2 W Rev 1.0", node.get("system").get("board_model").asText());
    assertEquals(429, node.get("system").get("mem_total_mb").asInt());
    assertEquals(4, node.get("system").get("cores").asInt());
  }

  @Test
  void detectOnThisMachineNamesABuiltInProfile() {
    Cli cli = Cli.run("profile", "detect", "--name-only");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(Profiles.names().contains(cli.out().strip()), cli.out());
  }

  @Test
  void profileAloneIsAUsageError() {
    Cli cli = Cli.run("profile");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(
        cli.err()
            .startsWith(
                "edgeinfer: expected a profile command (list, show, detect, bench), found none"),
        cli.err());
  }
}
