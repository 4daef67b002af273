package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an earlier process left in an outbox folder: every message file is read and checked once at
 * open. Temp files and files cut short are crash leftovers of appends that never returned, so they
 * are deleted; complete files that fail the check are moved to DIR/corrupt.
 */
final class Recovery {
  private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

  /**
   * The good messages (sequence to file size), the highest sequence named anywhere, moved files.
   */
  record Result(TreeMap<Long, Long> index, long highestSequence, int corrupt) {}

  private Recovery() {}

  static Result run(Path dir, DurableDirectory durable) throws IOException {
    TreeMap<Long, Path> candidates = new TreeMap<>();
    long highest = CorruptFolder.highestSequence(dir);
    boolean deleted = false;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        highest = Math.max(highest, FileNames.sequence(name));
        if (name.endsWith(FileNames.TEMP_SUFFIX) && Files.isRegularFile(file)) {
          LOG.log(Level.INFO, "deleting {0}: a write that a crash interrupted", file);
          Files.delete(file);
          deleted = true;
        } else if (FileNames.isMessage(name) && Files.isRegularFile(file)) {
          candidates.put(FileNames.sequence(name), file);
        }
      }
    }
    TreeMap<Long, Long> index = new TreeMap<>();
    int corrupt = 0;
    for (Map.Entry<Long, Path> c : candidates.entrySet()) {
      Path file = c.getValue();
      byte[] bytes = Files.readAllBytes(file);
      try {
        MessageCodec.decode(bytes, c.getKey());
        index.put(c.getKey(), (long) bytes.length);
      } catch (BadFileException e) {
        if (e.truncated()) {
          LOG.log(Level.INFO, "deleting {0}: cut short by a crash ({1})", file, e.getMessage());
          Files.delete(file);
          deleted = true;
        } else {
          LOG.log(Level.WARNING, "moving {0} to corrupt/: {1}", file, e.getMessage());
          CorruptFolder.moveAside(dir, file);
          corrupt++;
        }
      }
    }
    if (deleted) {
      durable.sync();
    }
    return new Result(index, highest, corrupt);
  }
}
