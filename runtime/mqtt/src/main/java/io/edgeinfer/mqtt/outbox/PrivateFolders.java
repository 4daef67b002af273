package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only this user may read: replies are predictions about someone's data, and must
 * not follow a umask of 022 into being world-readable.
 */
public final class PrivateFolders {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFolders() {}

  /**
   * Creates {@code dir} and any missing parents as 0700; a folder that exists keeps its permissions
   * (the operator chose them).
   */
  public static Path create(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return absolute;
    }
    Path parent = absolute.getParent();
    if (parent != null && !Files.exists(parent)) {
      create(parent);
    }
    if (!POSIX) {
      return Files.createDirectories(absolute);
    }
    try {
      Files.createDirectory(absolute, attribute(FOLDER));
      // The umask may have taken bits away, never added: set exactly what was meant.
      Files.setPosixFilePermissions(absolute, FOLDER);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // made meanwhile by another thread or process
    }
    return absolute;
  }

  /** Writes a new file readable only by this user. */
  static void writePrivate(Path file, byte[] bytes) throws IOException {
    if (POSIX) {
      Files.createFile(file, attribute(FILE));
    }
    Files.write(file, bytes);
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> p) {
    return PosixFilePermissions.asFileAttribute(p);
  }
}
