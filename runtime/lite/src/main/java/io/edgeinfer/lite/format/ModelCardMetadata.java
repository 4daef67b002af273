package io.edgeinfer.lite.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * edgeinfer's model card (task, class labels; the JSON {@code train} writes beside a model) kept
 * inside a {@code .tflite} file as a metadata entry, so a file copied alone to a device still names
 * its classes. Other runtimes ignore metadata entries they do not know.
 */
public final class ModelCardMetadata {
  /** The metadata entry's name. */
  public static final String NAME = "edgeinfer_model_card";

  private ModelCardMetadata() {}

  public static LiteBuffer of(String json) {
    return LiteBuffer.of(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The model with the card added (replacing one it had). */
  public static LiteModel attach(LiteModel model, String json) {
    return model.withMetadata(NAME, of(json));
  }

  /** The card's JSON text, if the model carries one. */
  public static Optional<String> read(LiteModel model) {
    return model.metadata(NAME).map(ModelCardMetadata::text);
  }

  private static String text(ByteBuffer bytes) {
    byte[] raw = new byte[bytes.remaining()];
    bytes.duplicate().get(raw);
    return new String(raw, StandardCharsets.UTF_8);
  }
}
