package io.edgeinfer.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** One input to predict on: a file, or standard input ({@code -}). */
record InputSource(String name, Path path) {
  static final String STDIN = "-";

  /**
   * Expands the {@code --input} arguments: a directory stands for every visible regular file in it,
   * in name order, but the category masks predict writes ({@code *.mask.png}); {@code -} for
   * standard input.
   */
  static List<InputSource> expand(List<String> arguments) throws IOException {
    List<InputSource> sources = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals(STDIN)) {
        sources.add(new InputSource(STDIN, null));
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              // Category masks that predict wrote beside images are outputs, not inputs.
              .filter(f -> !f.getFileName().toString().endsWith(ImagePredictions.MASK_SUFFIX))
              .sorted()
              .forEach(f -> sources.add(new InputSource(f.toString(), f)));
        }
      } else {
        sources.add(new InputSource(argument, path));
      }
    }
    return sources;
  }

  /** The bytes, gunzipped when the name ends in {@code .gz}. */
  byte[] read(InputStream stdin) throws IOException {
    byte[] bytes = path == null ? stdin.readAllBytes() : Files.readAllBytes(path);
    if (name.endsWith(".gz")) {
      try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        return gunzip.readAllBytes();
      }
    }
    return bytes;
  }
}
