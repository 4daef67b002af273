package io.edgeinfer.core.image;

/**
 * What the JPEG reader of {@code javax.imageio} does not act on, read from the segments before the
 * image data: the EXIF orientation (APP1), the number of colour components (SOFn), which is 4 for
 * CMYK and YCCK files the reader cannot convert, and Adobe's colour transform (APP14), which tells
 * those two apart.
 *
 * @param orientation the EXIF orientation, 1 (as stored) to 8; 1 when the file has none
 * @param components the colour components of the frame, 0 when no frame header was found
 * @param precision the bits per sample of the frame (8; 12 in medical and some scanner files), 0
 *     when no frame header was found
 * @param adobeTransform the transform of an Adobe APP14 segment (0: none, so CMYK or RGB; 1: YCbCr;
 *     2: YCCK), or {@link #NO_ADOBE_SEGMENT}
 */
record JpegHeaders(int orientation, int components, int precision, int adobeTransform) {
  /** The {@link #adobeTransform} of a file without an Adobe APP14 segment. */
  static final int NO_ADOBE_SEGMENT = -1;

  /** Adobe's transform code for YCCK: YCbCr of 255 minus each stored C, M and Y; K as in CMYK. */
  static final int ADOBE_YCCK = 2;

  private static final int ORIENTATION_TAG = 0x0112;

  static JpegHeaders read(byte[] jpeg) {
    int orientation = 1;
    int components = 0;
    int precision = 0;
    int adobeTransform = NO_ADOBE_SEGMENT;
    int at = 2; // after SOI
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
      int marker = jpeg[at + 1] & 0xff;
      if (marker == 0xff) {
        at++; // fill byte
        continue;
      }
      if (marker == 0xd9 || marker == 0xda) {
        break; // end of image, or start of scan: no headers after it
      }
      int length = u16(jpeg, at + 2, false);
      int body = at + 4;
      if (length < 2 || body + length - 2 > jpeg.length) {
        break;
      }
      if (marker == 0xe1 && orientation == 1) {
        orientation = exifOrientation(jpeg, body, length - 2);
      } else if (isFrame(marker) && length >= 8) {
        precision = jpeg[body] & 0xff;
        components = jpeg[body + 5] & 0xff;
      } else if (marker == 0xee && isAdobe(jpeg, body, length - 2)) {
        adobeTransform = jpeg[body + 11] & 0xff;
      }
      at = body + length - 2;
    }
    return new JpegHeaders(orientation, components, precision, adobeTransform);
  }

  /** An APP14 body "Adobe", version, two flag words and the transform byte (12 bytes). */
  private static boolean isAdobe(byte[] b, int body, int length) {
    return length >= 12
        && b[body] == 'A'
        && b[body + 1] == 'd'
        && b[body + 2] == 'o'
        && b[body + 3] == 'b'
        && b[body + 4] == 'e';
  }

  /** SOF0..SOF15 except DHT (c4), JPG (c8) and DAC (cc). */
  private static boolean isFrame(int marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
  }

  /** The orientation tag of IFD0 in an APP1 body starting "Exif\0\0"; 1 when absent or odd. */
  private static int exifOrientation(byte[] b, int body, int length) {
    if (length < 14
        || b[body] != 'E'
        || b[body + 1] != 'x'
        || b[body + 2] != 'i'
        || b[body + 3] != 'f'
        || b[body + 4] != 0
        || b[body + 5] != 0) {
      return 1;
    }
    int tiff = body + 6;
    int end = body + length;
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    long ifd = u32(b, tiff + 4, little);
    if (ifd < 8 || tiff + ifd + 2 > end) {
      return 1;
    }
    int entries = u16(b, (int) (tiff + ifd), little);
    for (int i = 0; i < entries; i++) {
      int entry = (int) (tiff + ifd + 2 + 12L * i);
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(b, entry, little) == ORIENTATION_TAG) {
        int value = u16(b, entry + 8, little); // a SHORT, left-justified in the value field
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int at, boolean little) {
    int b0 = b[at] & 0xff;
    int b1 = b[at + 1] & 0xff;
    return little ? b0 | b1 << 8 : b0 << 8 | b1;
  }

  private static long u32(byte[] b, int at, boolean little) {
    long hi = u16(b, at + (little ? 2 : 0), little);
    long lo = u16(b, at + (little ? 0 : 2), little);
    return hi << 16 | lo;
  }
}
