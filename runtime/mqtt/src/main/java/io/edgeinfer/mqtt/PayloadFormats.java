package io.edgeinfer.mqtt;

import io.edgeinfer.core.codec.Format;
import java.util.Locale;

/**
 * Which codec reads a payload: its MQTT v5 content type when it has one; otherwise the format given
 * with {@code --format}, or JSON. Files from a watched folder carry the type of their extension.
 */
public final class PayloadFormats {
  private final Format fixed;

  public PayloadFormats(Format fixed) {
    this.fixed = fixed;
  }

  public Format of(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return fixed != null ? fixed : Format.JSON;
    }
    String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json", "text/json" -> Format.JSON;
      case "text/csv" -> Format.CSV;
      case "application/x-npy", "application/npy" -> Format.NPY;
      case "application/octet-stream", "application/x-float32" -> Format.RAW;
      default ->
          throw new IllegalArgumentException(
              "expected a content type of application/json, text/csv, application/x-npy or"
                  + " application/octet-stream (float32), found '"
                  + contentType
                  + "'");
    };
  }
}
