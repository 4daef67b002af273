package io.edgeinfer.mqtt.outbox;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process per outbox folder: an OS lock on DIR/lock, held until close. The lock file holds the
 * owner's process id, for the message another process gets.
 */
final class DirectoryLock implements Closeable {
  // Folders this JVM holds. Checked before touching the lock file because POSIX locks belong to
  // the process: opening the lock file a second time and closing that channel (after tryLock
  // threw OverlappingFileLockException) silently releases the first channel's lock, as measured
  // here on Linux with Java 17.
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;

  private DirectoryLock(Path key, FileChannel channel) {
    this.key = key;
    this.channel = channel;
  }

  /** Locks the existing folder dir, or fails with a message that names it. */
  static DirectoryLock acquire(Path dir) throws IOException {
    Path key = dir.toRealPath();
    if (!HELD.add(key)) {
      throw refused(dir, "in this process");
    }
    Path file = dir.resolve(FileNames.LOCK);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, CREATE, WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Some other code in this JVM locked the file without this class; closing our channel
        // may cost it that lock (see HELD), which cannot be helped once it happened.
        throw refused(dir, "in this process");
      }
      if (lock == null) {
        throw refused(dir, owner(file)); // we hold no lock here, so reading the file is harmless
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      return new DirectoryLock(key, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      HELD.remove(key);
      throw e;
    }
  }

  private static IOException refused(Path dir, String who) {
    return new IOException(
        "outbox "
            + dir
            + ": another edgeinfer holds it"
            + (who.isEmpty() ? "" : " (" + who + ")")
            + "; only one process may use an outbox folder (lock file "
            + dir.resolve(FileNames.LOCK)
            + ")");
  }

  // Best effort: "process 1234" from the pid the holder wrote, or "".
  private static String owner(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return text.matches("[0-9]{1,19}") ? "process " + text : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close(); // releases the lock
    } finally {
      // The lock file stays: deleting it would race with a process that has just opened it.
      HELD.remove(key);
    }
  }
}
