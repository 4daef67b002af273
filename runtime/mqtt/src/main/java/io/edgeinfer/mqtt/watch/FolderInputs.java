package io.edgeinfer.mqtt.watch;

import io.edgeinfer.mqtt.InboundMessage;
import io.edgeinfer.mqtt.ReplyRoute;
import java.io.IOException;
import java.nio.file.Path;

/** What the pipeline may ask about a message from a watched folder, and where its extras go. */
public final class FolderInputs {
  private FolderInputs() {}

  /** The watched file's name when {@code message} was read from the folder; null for MQTT. */
  public static String fileName(InboundMessage message) {
    return message.route() instanceof ReplyRoute.WatchedFile file ? file.name() : null;
  }

  /** Where an image's segmentation mask goes: {@code <image>.mask.png} beside it. */
  public static Path maskFile(Path dir, String imageName) {
    return WatchedFiles.mask(dir, imageName);
  }

  /** Writes all of the file or none of it, as the answers beside inputs are written. */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, bytes);
  }
}
