package io.edgeinfer.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One YAML mapping of a profile file, read field by field with errors that name the file, the
 * field's full path and what was wrong.
 */
final class YamlFields {
  private final String source;
  private final String prefix;
  private final Map<?, ?> map;

  private YamlFields(String source, String prefix, Map<?, ?> map) {
    this.source = source;
    this.prefix = prefix;
    this.map = map;
  }

  static YamlFields root(String source, Object document) {
    if (!(document instanceof Map<?, ?> map)) {
      throw new InvalidProfileException(
          source + ": expected a mapping of profile fields, found " + describe(document));
    }
    return new YamlFields(source, "", map);
  }

  /** Fails on the first key that is not one of {@code known}. */
  YamlFields allowOnly(Set<String> known) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw new InvalidProfileException(
            source
                + ": unknown field '"
                + prefix
                + key
                + "': expected one of "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
    return this;
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  String string(String key, String expected) {
    Object value = require(key, expected);
    if (!(value instanceof String text)) {
      throw wrong(key, expected, value);
    }
    return text;
  }

  long wholeNumber(String key, long min) {
    String expected = "a whole number >= " + min;
    Object value = require(key, expected);
    if (!(value instanceof Integer || value instanceof Long)) {
      throw wrong(key, expected, value);
    }
    long number = ((Number) value).longValue();
    if (number < min) {
      throw new InvalidProfileException(
          source + ": field '" + prefix + key + "': expected " + expected + ", found " + number);
    }
    return number;
  }

  int wholeInt(String key, int min) {
    long number = wholeNumber(key, min);
    if (number > Integer.MAX_VALUE) {
      throw wrong(key, "a whole number up to " + Integer.MAX_VALUE, number);
    }
    return (int) number;
  }

  List<String> strings(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw wrong(key, "a list of strings", value);
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String text)) {
        throw wrong(key, "a list of strings", item);
      }
      out.add(text);
    }
    return out;
  }

  YamlFields child(String key, String expected) {
    Object value = require(key, expected);
    if (!(value instanceof Map<?, ?> child)) {
      throw wrong(key, expected, value);
    }
    return new YamlFields(source, prefix + key + ".", child);
  }

  /** An empty mapping when the key is absent. */
  YamlFields optionalChild(String key) {
    Object value = map.get(key);
    if (value == null) {
      return new YamlFields(source, prefix + key + ".", Map.of());
    }
    if (!(value instanceof Map<?, ?> child)) {
      throw wrong(key, "a mapping", value);
    }
    return new YamlFields(source, prefix + key + ".", child);
  }

  InvalidProfileException invalid(String key, String expected, Object found) {
    return wrong(key, expected, found);
  }

  /** Turns a record's own check ({@code field 'x': expected...}) into an error naming the file. */
  InvalidProfileException fromCheck(IllegalArgumentException e) {
    return new InvalidProfileException(source + ": " + e.getMessage());
  }

  private Object require(String key, String expected) {
    Object value = map.get(key);
    if (value == null) {
      throw new InvalidProfileException(
          source + ": missing field '" + prefix + key + "' (expected " + expected + ")");
    }
    return value;
  }

  private InvalidProfileException wrong(String key, String expected, Object found) {
    return new InvalidProfileException(
        source
            + ": field '"
            + prefix
            + key
            + "': expected "
            + expected
            + ", found "
            + describe(found));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String text) {
      return "'" + text + "' (text)";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Boolean) {
      return value + " (true/false)";
    }
    if (value instanceof Double || value instanceof Float) {
      return value + " (a decimal number)";
    }
    return String.valueOf(value);
  }
}
