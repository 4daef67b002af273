package io.edgeinfer.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads a profile YAML file into a {@link DeviceProfile}; every error names the file and field. */
public final class ProfileReader {
  static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "arch",
          "cores",
          "memory-mb",
          "budget-mb",
          "engine",
          "precision",
          "threads",
          "batching",
          "jvm",
          "mqtt",
          "detect");

  private ProfileReader() {}

  /** A user's own profile file. */
  public static DeviceProfile read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader);
    }
  }

  static DeviceProfile read(String source, InputStream in) throws IOException {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(source, reader);
    }
  }

  /**
   * @param source how errors name the file
   */
  public static DeviceProfile read(String source, Reader reader) {
    Object document;
    try {
      document = new Load(LoadSettings.builder().setLabel(source).build()).loadFromReader(reader);
    } catch (YamlEngineException e) {
      throw new InvalidProfileException(
          source + ": malformed YAML: " + e.getMessage().replace('\n', ' ').strip());
    }
    YamlFields fields = YamlFields.root(source, document).allowOnly(FIELDS);
    String archLabel = fields.string("arch", "one of " + Arch.labels());
    Arch arch =
        Arch.fromLabel(archLabel)
            .orElseThrow(() -> fields.invalid("arch", "one of " + Arch.labels(), archLabel));
    String engineLabel = fields.string("engine", "one of " + EngineKind.labels());
    EngineKind engine =
        EngineKind.fromLabel(engineLabel)
            .orElseThrow(
                () -> fields.invalid("engine", "one of " + EngineKind.labels(), engineLabel));
    String precisionLabel = fields.string("precision", "one of " + Precision.labels());
    Precision precision =
        Precision.fromLabel(precisionLabel)
            .orElseThrow(
                () -> fields.invalid("precision", "one of " + Precision.labels(), precisionLabel));
    YamlFields batching =
        fields
            .child("batching", "a mapping with max-batch and max-wait-ms")
            .allowOnly(Set.of("max-batch", "max-wait-ms"));
    YamlFields mqtt =
        fields
            .child("mqtt", "a mapping with qos, outbox-max-messages and outbox-max-mb")
            .allowOnly(Set.of("qos", "outbox-max-messages", "outbox-max-mb"));
    YamlFields detect =
        fields.optionalChild("detect").allowOnly(Set.of("model", "min-memory-mb", "max-memory-mb"));
    try {
      return new DeviceProfile(
          fields.string("name", "a profile name"),
          fields.string("description", "one line of text"),
          arch,
          fields.wholeInt("cores", 1),
          fields.wholeNumber("memory-mb", 1),
          fields.wholeNumber("budget-mb", 1),
          engine,
          precision,
          fields.wholeInt("threads", 1),
          new Batching(batching.wholeInt("max-batch", 1), batching.wholeNumber("max-wait-ms", 0)),
          fields.string("jvm", "JVM options on one line"),
          new MqttDefaults(
              mqtt.wholeInt("qos", 0),
              mqtt.wholeInt("outbox-max-messages", 1),
              mqtt.wholeInt("outbox-max-mb", 1)),
          new DetectionRules(
              detect.strings("model"),
              detect.has("min-memory-mb") ? detect.wholeNumber("min-memory-mb", 0) : 0,
              detect.has("max-memory-mb")
                  ? detect.wholeNumber("max-memory-mb", 0)
                  : Long.MAX_VALUE));
    } catch (InvalidProfileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw fields.fromCheck(e);
    }
  }
}
