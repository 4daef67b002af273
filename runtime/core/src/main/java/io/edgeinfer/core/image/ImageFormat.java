package io.edgeinfer.core.image;

import java.util.Optional;

/** The image formats read for vision models, told apart by their first bytes. */
public enum ImageFormat {
  PNG("png", "image/png"),
  JPEG("jpeg", "image/jpeg"),
  BMP("bmp", "image/bmp");

  private final String imageIoName;
  private final String mediaType;

  ImageFormat(String imageIoName, String mediaType) {
    this.imageIoName = imageIoName;
    this.mediaType = mediaType;
  }

  /** The name {@code javax.imageio} knows the format by. */
  String imageIoName() {
    return imageIoName;
  }

  /** The MIME type, e.g. {@code image/jpeg}. */
  public String mediaType() {
    return mediaType;
  }

  /** The format whose magic bytes {@code bytes} start with, if it is one of these. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (starts(bytes, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n')) {
      return Optional.of(PNG);
    }
    if (starts(bytes, 0xff, 0xd8, 0xff)) {
      return Optional.of(JPEG);
    }
    // "BM" and a 14-byte file header whose pixel offset is past it: two letters alone are too
    // common at the start of text.
    if (bytes.length >= 26 && starts(bytes, 'B', 'M')) {
      long offset =
          (bytes[10] & 0xffL)
              | (bytes[11] & 0xffL) << 8
              | (bytes[12] & 0xffL) << 16
              | (bytes[13] & 0xffL) << 24;
      if (offset >= 26) {
        return Optional.of(BMP);
      }
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
