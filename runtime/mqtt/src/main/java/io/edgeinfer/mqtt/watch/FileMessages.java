package io.edgeinfer.mqtt.watch;

import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.core.image.ImageDecoder;
import io.edgeinfer.mqtt.InboundMessage;
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
   * Reads the file. An image is converted here to an NPY of one instance, since the pipeline's
   * decoders do not read images.
   *
   * @throws IllegalArgumentException when the file is over {@code maxBytes}, an image cannot be
   *     read, or the signature cannot take it
   */
  static InboundMessage read(Path file, Signature signature, long maxBytes) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = readAtMost(file, maxBytes);
    if (ImageDecoder.isImage(name)) {
      bytes = NpyCodec.write(ImageDecoder.decode(bytes, onlyInput(signature)));
    }
    return new InboundMessage(
        WatchedFiles.topic(name),
        bytes,
        WatchedFiles.contentType(name),
        null,
        null,
        QOS,
        System.nanoTime(),
        NO_ACKNOWLEDGEMENT);
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

  private static TensorSpec onlyInput(Signature signature) {
    if (signature.inputs().size() != 1) {
      throw new IllegalArgumentException(
          "an image needs a signature with exactly one input, found "
              + signature.inputs().size()
              + (signature.inputs().isEmpty()
                  ? ""
                  : " (" + String.join(", ", signature.inputNames()) + ")")
              + " in signature '"
              + signature.name()
              + "'");
    }
    return signature.inputs().get(0);
  }
}
