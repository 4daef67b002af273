package io.edgeinfer.mqtt.watch;

import io.edgeinfer.core.Signature;
import io.edgeinfer.mqtt.InboundMessage;
import io.edgeinfer.mqtt.ReplyRoute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A watched file as the pipeline's inbound message. */
final class FileMessages {
  /** Nothing to tell the folder: a file is done when its output file is written. */
  private static final Runnable NO_ACKNOWLEDGEMENT = () -> {};

  /** A file stays until its reply is written, and is read again after a restart: at least once. */
  private static final int QOS = 1;

  private FileMessages() {}

  /**
   * Reads the file; an image goes as it is, with its media type, to the pipeline's vision path
   * (decoded and prepared there, as an MQTT image is).
   *
   * @throws IllegalArgumentException when the file is over {@code maxBytes}
   */
  static InboundMessage read(Path file, Signature signature, long maxBytes) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = readAtMost(file, maxBytes);
    return new InboundMessage(
        WatchedFiles.topic(name),
        bytes,
        WatchedFiles.contentType(name),
        new ReplyRoute.WatchedFile(file.getParent(), name),
        QOS,
        System.nanoTime(),
        NO_ACKNOWLEDGEMENT,
        null);
  }

  /** The file's bytes, read no further than one past the limit (it may grow while read). */
  private static byte[] readAtMost(Path file, long maxBytes) throws IOException {
    long size = Files.size(file);
    if (size <= maxBytes) {
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (bytes.length <= maxBytes) {
          return bytes;
        }
        size = Math.max(size, bytes.length);
      }
    }
    throw new IllegalArgumentException(
        "expected a file of at most "
            + maxBytes
            + " bytes (--max-payload-bytes), found "
            + (size > maxBytes ? size + " bytes" : "more while it was read"));
  }
}
