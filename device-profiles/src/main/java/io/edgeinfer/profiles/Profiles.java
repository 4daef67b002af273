package io.edgeinfer.profiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in profiles (resources {@code io/edgeinfer/profiles/NAME.yaml}, listed in {@code
 * index.txt} in detection order) and a user's own files.
 */
public final class Profiles {
  static final String FOLDER = "io/edgeinfer/profiles/";
  static final String INDEX = FOLDER + "index.txt";

  private Profiles() {}

  /** The built-in names, in the index's order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    try (InputStream in = open(INDEX);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Every built-in profile, in the index's order. */
  public static List<DeviceProfile> all() {
    return names().stream().map(Profiles::builtIn).toList();
  }

  /**
   * The built-in profile called {@code name}.
   *
   * @throws UnknownProfileException listing the known names
   */
  public static DeviceProfile builtIn(String name) {
    List<String> names = names();
    if (!names.contains(name)) {
      throw new UnknownProfileException(name, names);
    }
    String resource = FOLDER + name + ".yaml";
    try (InputStream in = open(resource)) {
      DeviceProfile profile = ProfileReader.read(resource, in);
      if (!profile.name().equals(name)) {
        throw new InvalidProfileException(
            resource + ": field 'name': expected " + name + ", found " + profile.name());
      }
      return profile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML text of a built-in profile, as shipped. */
  public static String builtInYaml(String name) {
    if (!names().contains(name)) {
      throw new UnknownProfileException(name, names());
    }
    try (InputStream in = open(FOLDER + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A built-in profile by name, or a user's file when the argument names an existing file or looks
   * like a path (has a slash or ends with {@code .yaml} / {@code .yml}).
   */
  public static DeviceProfile resolve(String nameOrPath) throws IOException {
    if (looksLikePath(nameOrPath)) {
      return ProfileReader.read(Path.of(nameOrPath));
    }
    return builtIn(nameOrPath);
  }

  static boolean looksLikePath(String value) {
    return value.contains("/")
        || value.endsWith(".yaml")
        || value.endsWith(".yml")
        || Files.isRegularFile(Path.of(value));
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = Profiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing resource " + resource + " in the device-profiles jar");
    }
    return in;
  }
}
