package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * DIR/corrupt: complete files that failed their check. Moved, not deleted: they may be the only
 * copy of a prediction, and a person may want to see what went wrong.
 */
final class CorruptFolder {
  private CorruptFolder() {}

  /** Moves file into DIR/corrupt under its own name (with a suffix if that name is taken). */
  static void moveAside(Path dir, Path file) throws IOException {
    Path corrupt = PrivateFolders.create(dir.resolve(FileNames.CORRUPT));
    String name = file.getFileName().toString();
    Path target = corrupt.resolve(name);
    for (int i = 1; Files.exists(target); i++) {
      target = corrupt.resolve(name + "." + i);
    }
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    DurableDirectory.sync(corrupt);
    DurableDirectory.sync(dir);
  }

  /** The highest sequence among the files moved aside, or 0. */
  static long highestSequence(Path dir) throws IOException {
    Path corrupt = dir.resolve(FileNames.CORRUPT);
    long highest = 0;
    if (Files.isDirectory(corrupt)) {
      try (var names = Files.newDirectoryStream(corrupt)) {
        for (Path p : names) {
          highest = Math.max(highest, FileNames.sequence(p.getFileName().toString()));
        }
      }
    }
    return highest;
  }
}
