package io.edgeinfer.mqtt;

import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.image.ImageFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Which codec reads a payload: its MQTT v5 content type when it has one; otherwise the format given
 * with {@code --format}, or JSON. Files from a watched folder carry the type of their extension.
 * Images ({@code image/jpeg}, {@code image/png}, {@code image/bmp}, or sniffed by their first bytes
 * when no content type is sent) take the vision path: see {@link #image}.
 */
public final class PayloadFormats {
  private final Format fixed;

  public PayloadFormats(Format fixed) {
    this.fixed = fixed;
  }

  /**
   * The image format of a payload: by its content type, or, when it has none, by its first bytes
   * (JSON, CSV and NPY never start like an image) unless {@code --format raw} says payloads are
   * float32, whose bytes may start as a JPEG's do. Empty for a payload that is no image.
   *
   * @throws IllegalArgumentException for an image type that edgeinfer does not read
   */
  public Optional<ImageFormat> image(String contentType, byte[] payload) {
    if (contentType == null || contentType.isBlank()) {
      return fixed == Format.RAW ? Optional.empty() : ImageFormat.sniff(payload);
    }
    String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!type.startsWith("image/")) {
      return Optional.empty();
    }
    return switch (type) {
      case "image/jpeg", "image/jpg", "image/pjpeg" -> Optional.of(ImageFormat.JPEG);
      case "image/png" -> Optional.of(ImageFormat.PNG);
      case "image/bmp", "image/x-bmp", "image/x-ms-bmp" -> Optional.of(ImageFormat.BMP);
      default ->
          throw new IllegalArgumentException(
              "expected an image of type image/jpeg, image/png or image/bmp, found '"
                  + contentType
                  + "'");
    };
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
              "expected a content type of application/json, text/csv, application/x-npy,"
                  + " application/octet-stream (float32) or image/jpeg, image/png, image/bmp,"
                  + " found '"
                  + contentType
                  + "'");
    };
  }
}
