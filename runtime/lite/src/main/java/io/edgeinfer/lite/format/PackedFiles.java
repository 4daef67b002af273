package io.edgeinfer.lite.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The associated files TFLite's metadata writer packs into a zip appended to the .tflite file
 * (labels, vocabularies): their names and line counts. A zip reader finds its directory at the end
 * of the file, so the model in front does not disturb it.
 */
public final class PackedFiles {
  /** Files larger than this are not read through to count their lines. */
  private static final long MAX_COUNTED_BYTES = 64L << 20;

  private PackedFiles() {}

  /**
   * Each packed file's line count (-1 when too large to count), in the zip's order; empty when the
   * file has no zip appended.
   */
  public static Map<String, Long> lineCounts(Path file) {
    Map<String, Long> lines = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory()) {
          lines.put(entry.getName(), countLines(zip, entry));
        }
      }
    } catch (IOException | RuntimeException e) {
      // No zip, or a broken one: the model has no packed files to show.
      return Map.of();
    }
    return lines;
  }

  /**
   * The bytes of the packed file {@code name}; empty when the file has no zip appended or no such
   * entry.
   *
   * @throws IOException when the entry is larger than {@value #MAX_COUNTED_BYTES} bytes or cannot
   *     be read
   */
  public static Optional<byte[]> read(Path file, String name) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    try (zip) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null || entry.isDirectory()) {
        return Optional.empty();
      }
      if (entry.getSize() > MAX_COUNTED_BYTES) {
        throw new IOException(
            "packed file '" + name + "' holds " + entry.getSize() + " bytes, more than expected");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        byte[] bytes = in.readNBytes((int) MAX_COUNTED_BYTES + 1);
        if (bytes.length > MAX_COUNTED_BYTES) {
          throw new IOException("packed file '" + name + "' holds more bytes than expected");
        }
        return Optional.of(bytes);
      }
    }
  }

  private static long countLines(ZipFile zip, ZipEntry entry) throws IOException {
    if (entry.getSize() > MAX_COUNTED_BYTES) {
      return -1;
    }
    long lines = 0;
    int last = '\n';
    byte[] chunk = new byte[8192];
    try (InputStream in = zip.getInputStream(entry)) {
      long total = 0;
      for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
        total += n;
        if (total > MAX_COUNTED_BYTES) {
          return -1;
        }
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            lines++;
          }
        }
        last = chunk[n - 1];
      }
    }
    return last == '\n' ? lines : lines + 1;
  }
}
