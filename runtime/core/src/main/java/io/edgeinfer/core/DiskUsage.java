package io.edgeinfer.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How many bytes a model's files take on disk: memory estimates and the quantizer's report. */
public final class DiskUsage {
  private DiskUsage() {}

  /** A file's size, or the sum over a folder's files (recursively); 0 when nothing is there. */
  public static long bytes(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return Files.size(path);
    }
    if (!Files.isDirectory(path)) {
      return 0;
    }
    long total = 0;
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        total += Files.size(file);
      }
    }
    return total;
  }
}
