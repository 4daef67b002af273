package io.edgeinfer.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from a YAML file whose keys are the long option names without dashes ({@code
 * broker: tcp://...}, {@code input-topic: [a, b]}). Flags on the command line win, since picocli
 * asks this provider only for options that were not given.
 */
final class YamlConfigDefaults implements IDefaultValueProvider {
  private final Path file;
  private final Map<String, Object> values;

  private YamlConfigDefaults(Path file, Map<String, Object> values) {
    this.file = file;
    this.values = values;
  }

  /** Reads the file and checks every key names one of {@code options}. */
  static YamlConfigDefaults read(Path file, List<OptionSpec> options) throws IOException {
    Object document;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      document = new Load(LoadSettings.builder().build()).loadFromReader(reader);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(
          "malformed YAML in " + file + ": " + e.getMessage().replace('\n', ' '));
    }
    if (document == null) {
      return new YamlConfigDefaults(file, Map.of());
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "expected a YAML mapping of option names to values in "
              + file
              + ", found a list or value");
    }
    TreeSet<String> known = new TreeSet<>();
    options.forEach(o -> known.add(o.longestName().replaceFirst("^--", "")));
    Map<String, Object> values = new TreeMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (key.equals("password")) {
        throw new IllegalArgumentException(
            "expected no password in "
                + file
                + ": put it in a file and name it with password-file");
      }
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '"
                + key
                + "' in "
                + file
                + ": expected one of "
                + String.join(", ", known));
      }
      values.put(key, entry.getValue());
    }
    return new YamlConfigDefaults(file, values);
  }

  /** Whether the file sets {@code option} (a long name, e.g. {@code --threads}). */
  boolean sets(String option) {
    return values.containsKey(option.replaceFirst("^--", ""));
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    Object value = values.get(option.longestName().replaceFirst("^--", ""));
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof Map<?, ?>) {
      throw new IllegalArgumentException(
          "expected a value or a list for '"
              + option.longestName()
              + "' in "
              + file
              + ", found a mapping");
    }
    return String.valueOf(value);
  }
}
