package io.edgeinfer.lite.format;

import static io.edgeinfer.lite.format.Where.bytes;

import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.UnsupportedModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Opens .tflite files. The file is memory-mapped, checked whole by {@link TfliteVerifier}, and
 * decoded into a {@link LiteModel} whose buffers are read-only views of the mapping: weights are
 * never copied onto the heap, and pages the kernels never touch are never read from disk.
 */
public final class TfliteFile {
  private TfliteFile() {}

  /**
   * Reads a model from a file.
   *
   * @throws MalformedModelException when the file is truncated, corrupted or not a .tflite model
   * @throws UnsupportedModelException when it is well-formed but uses what edgeinfer cannot hold
   *     (all such things are listed)
   * @throws ModelException when the file cannot be read at all
   */
  public static LiteModel open(Path file) throws ModelException {
    ByteBuffer mapped;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        // A mapped buffer holds at most 2 GB; such models also keep their weights outside the
        // flatbuffer, which edgeinfer does not read.
        throw new UnsupportedModelException(
            file + " cannot be read",
            List.of("a file of " + bytes(size) + " bytes (2 GB or more)"));
      }
      // The mapping stays valid after the channel closes; it is released when no view is left.
      mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (IOException e) {
      throw new ModelException("cannot read " + file + ": " + e, e);
    }
    try {
      return read(mapped);
    } catch (MalformedModelException e) {
      throw new MalformedModelException(file + ": " + e.getMessage(), e);
    } catch (UnsupportedModelException e) {
      throw new UnsupportedModelException(file + ": " + firstPart(e), e.unsupported());
    }
  }

  /**
   * Reads a model from bytes in memory, from the buffer's position to its limit. The model's
   * buffers are views of these bytes: they must not change while the model is in use.
   */
  public static LiteModel read(ByteBuffer bytes)
      throws MalformedModelException, UnsupportedModelException {
    ByteBuffer bb = bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    TfliteVerifier.verify(bb);
    return ModelDecoder.decode(bb);
  }

  /** Reads a model from a byte array (not copied: do not change it while the model is in use). */
  public static LiteModel read(byte[] bytes)
      throws MalformedModelException, UnsupportedModelException {
    return read(ByteBuffer.wrap(bytes));
  }

  /**
   * Whether the file starts like a .tflite model (the identifier {@code TFL3} at offset 4); reads 8
   * bytes, for engines choosing who loads a path.
   */
  public static boolean hasIdentifier(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(8);
      while (head.hasRemaining() && channel.read(head) >= 0) {
        // keep reading: a channel may return fewer bytes than asked
      }
      if (head.hasRemaining()) {
        return false;
      }
      TfliteVerifier.checkIdentifier(head);
      return true;
    } catch (IOException | MalformedModelException e) {
      return false;
    }
  }

  /** The message of an UnsupportedModelException without its appended list. */
  private static String firstPart(UnsupportedModelException e) {
    String message = e.getMessage();
    String list = ": " + String.join(", ", e.unsupported());
    return message.endsWith(list)
        ? message.substring(0, message.length() - list.length())
        : message;
  }
}
