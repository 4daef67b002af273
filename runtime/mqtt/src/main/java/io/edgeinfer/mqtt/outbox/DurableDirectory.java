package io.edgeinfer.mqtt.outbox;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a crash leaves either the old state or the whole new file: temp file, force,
 * atomic rename, then force the folder so the rename itself survives a power cut.
 */
final class DurableDirectory implements Closeable {
  private final Path dir;
  // Kept open: opening the folder on every append costs two system calls. Null where the OS
  // cannot open a folder as a file (Windows); there the rename is as durable as the OS makes it.
  private final FileChannel channel;

  private DurableDirectory(Path dir, FileChannel channel) {
    this.dir = dir;
    this.channel = channel;
  }

  static DurableDirectory open(Path dir) {
    return new DurableDirectory(dir, openFolder(dir));
  }

  /** Writes name atomically and durably. On an exception the file may or may not be there. */
  void writeAtomically(String name, byte[] bytes) throws IOException {
    Path temp = dir.resolve(name + FileNames.TEMP_SUFFIX);
    try {
      try (FileChannel out = FileChannel.open(temp, CREATE, TRUNCATE_EXISTING, WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      // POSIX rename replaces an existing target (the sequence file), as does Windows' MoveFileEx.
      Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      sync();
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Makes renames and deletes in the folder durable. */
  void sync() throws IOException {
    if (channel != null) {
      channel.force(true);
    }
  }

  /** Makes renames and deletes in another folder durable, where the OS allows. */
  static void sync(Path folder) throws IOException {
    FileChannel c = openFolder(folder);
    if (c != null) {
      try (c) {
        c.force(true);
      }
    }
  }

  private static FileChannel openFolder(Path folder) {
    try {
      return FileChannel.open(folder, READ);
    } catch (IOException e) {
      return null; // Windows refuses to open a folder; nothing to force there
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
