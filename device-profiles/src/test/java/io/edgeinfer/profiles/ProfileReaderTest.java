package io.edgeinfer.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad profile file is refused with the file, the field and why. */
class ProfileReaderTest {
  static final String GOOD =
      """
      name: my-board
      description: 'A board of my own'
      arch: arm64
      cores: 4
      memory-mb: 1024
      budget-mb: 400
      engine: lite
      precision: int8
      threads: 2
      batching:
        max-batch: 8
        max-wait-ms: 5
      jvm: "-Xmx200m -XX:+UseSerialGC"
      mqtt:
        qos: 1
        outbox-max-messages: 1000
        outbox-max-mb: 8
      detect:
        model: ['^My Board']
        max-memory-mb: 2048
      """;

  private static String error(String yaml) {
    return assertThrows(
            InvalidProfileException.class,
            () -> ProfileReader.read("board.yaml", new StringReader(yaml)))
        .getMessage();
  }

  @Test
  void readsAUsersFileByPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("board.yaml");
    Files.writeString(file, GOOD, StandardCharsets.UTF_8);
    DeviceProfile p = ProfileReader.read(file);
    assertEquals("my-board", p.name());
    assertEquals(Arch.ARM64, p.arch());
    assertEquals(400, p.budgetMb());
    assertEquals(new Batching(8, 5), p.batching());
    assertEquals(new MqttDefaults(1, 1000, 8), p.mqtt());
    assertEquals("-Xmx200m -XX:+UseSerialGC", p.jvm());
    assertEquals(0, p.detect().minMemoryMb());
    assertEquals(2048, p.detect().maxMemoryMb());
    assertEquals(p, Profiles.resolve(file.toString()));
  }

  @Test
  void wrongType() {
    assertEquals(
        "board.yaml: field 'cores': expected a whole number >= 1, found 'four' (text)",
        error(GOOD.replace("cores: 4", "cores: four")));
    assertEquals(
        "board.yaml: field 'batching.max-wait-ms': expected a whole number >= 0, found 2.5 (a"
            + " decimal number)",
        error(GOOD.replace("max-wait-ms: 5", "max-wait-ms: 2.5")));
    assertEquals(
        "board.yaml: field 'mqtt': expected a mapping with qos, outbox-max-messages and"
            + " outbox-max-mb, found 'yes' (text)",
        error(GOOD.replaceAll("(?s)mqtt:.*detect:", "mqtt: 'yes'\ndetect:")));
  }

  @Test
  void missingField() {
    assertEquals(
        "board.yaml: missing field 'engine' (expected one of lite, tensorflow)",
        error(GOOD.replace("engine: lite\n", "")));
    assertEquals(
        "board.yaml: missing field 'mqtt.qos' (expected a whole number >= 0)",
        error(GOOD.replace("  qos: 1\n", "")));
  }

  @Test
  void negativeNumbers() {
    assertEquals(
        "board.yaml: field 'budget-mb': expected a whole number >= 1, found -5",
        error(GOOD.replace("budget-mb: 400", "budget-mb: -5")));
    assertEquals(
        "board.yaml: field 'batching.max-batch': expected a whole number >= 1, found -1",
        error(GOOD.replace("max-batch: 8", "max-batch: -1")));
  }

  @Test
  void unknownFields() {
    assertEquals(
        "board.yaml: unknown field 'colour': expected one of arch, batching, budget-mb, cores,"
            + " description, detect, engine, jvm, memory-mb, mqtt, name, precision, threads",
        error(GOOD + "colour: red\n"));
    assertEquals(
        "board.yaml: unknown field 'batching.size': expected one of max-batch, max-wait-ms",
        error(GOOD.replace("max-batch: 8", "max-batch: 8\n  size: 3")));
  }

  @Test
  void budgetLargerThanMemory() {
    assertEquals(
        "board.yaml: field 'budget-mb': expected at most memory-mb (1024), found 2000",
        error(GOOD.replace("budget-mb: 400", "budget-mb: 2000")));
  }

  @Test
  void budgetSmallerThanTheRuntimesOwnOverhead() {
    assertEquals(
        "board.yaml: field 'budget-mb': expected at least 96, the lite runtime's own overhead"
            + " before any model, found 60",
        error(GOOD.replace("budget-mb: 400", "budget-mb: 60")));
    assertEquals(
        "board.yaml: field 'budget-mb': expected at least 300, the tensorflow runtime's own"
            + " overhead before any model, found 200",
        error(
            GOOD.replace("budget-mb: 400", "budget-mb: 200")
                .replace("engine: lite", "engine: tensorflow")));
  }

  @Test
  void valuesOutOfTheirSets() {
    assertEquals(
        "board.yaml: field 'engine': expected one of lite, tensorflow, found 'onnx' (text)",
        error(GOOD.replace("engine: lite", "engine: onnx")));
    assertEquals(
        "board.yaml: field 'arch': expected one of arm64, armv7, x86_64, found 'riscv64' (text)",
        error(GOOD.replace("arch: arm64", "arch: riscv64")));
    assertEquals(
        "board.yaml: field 'precision': expected float32 or int8 with engine lite (it runs no"
            + " float16 or hybrid models), found dynamic-int8",
        error(GOOD.replace("precision: int8", "precision: dynamic-int8")));
    assertEquals(
        "board.yaml: field 'threads': expected a whole number from 1 to cores (4), found 6",
        error(GOOD.replace("threads: 2", "threads: 6")));
    assertEquals(
        "board.yaml: field 'mqtt.qos': expected 0, 1 or 2, found 3",
        error(GOOD.replace("qos: 1", "qos: 3")));
    assertEquals(
        "board.yaml: field 'name': expected lower-case letters, digits and dashes, found 'My"
            + " Board'",
        error(GOOD.replace("name: my-board", "name: My Board")));
  }

  @Test
  void jvmOptionsMustStayOnOneLineForTheLauncher() {
    assertEquals(
        "board.yaml: field 'jvm': expected JVM options on one line without quotes or"
            + " backslashes, found '-Dx=\"a b\"'",
        error(GOOD.replace("jvm: \"-Xmx200m -XX:+UseSerialGC\"", "jvm: '-Dx=\"a b\"'")));
  }

  @Test
  void malformedYamlAndNotAMapping() {
    String message = error("name: [unclosed\n");
    assertEquals(true, message.startsWith("board.yaml: malformed YAML: "), message);
    assertEquals(
        "board.yaml: expected a mapping of profile fields, found a list", error("- a\n- b\n"));
    assertEquals("board.yaml: expected a mapping of profile fields, found nothing", error(""));
  }

  @Test
  void aBadPatternIsNamed() {
    assertEquals(
        "board.yaml: field 'detect.model': expected regular expressions, found '^My (Board'"
            + " (Unclosed group)",
        error(GOOD.replace("'^My Board'", "'^My (Board'")));
  }
}
