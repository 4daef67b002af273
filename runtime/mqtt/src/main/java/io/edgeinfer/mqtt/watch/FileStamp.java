package io.edgeinfer.mqtt.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What tells one state of a file from another without reading it: size, modification time, and the
 * file's identity (the inode on Linux), so that a file renamed over another counts as changed.
 */
record FileStamp(long size, FileTime modified, Object fileKey) {

  /** The file's stamp, or null when it is gone or is not a regular file. */
  static FileStamp of(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return null;
      }
      return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    } catch (IOException e) {
      return null;
    }
  }
}
