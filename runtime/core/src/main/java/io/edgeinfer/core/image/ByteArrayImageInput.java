package io.edgeinfer.core.image;

import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over bytes already in memory. ImageIO's own
 * {@code MemoryCacheImageInputStream} would copy them all into its cache first: 5 MB more for each
 * 12-megapixel JPEG, which a small heap feels.
 */
final class ByteArrayImageInput extends ImageInputStreamImpl {
  private final byte[] bytes;

  ByteArrayImageInput(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    bitOffset = 0;
    if (streamPos >= bytes.length) {
      return -1;
    }
    return bytes[(int) streamPos++] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, into.length);
    bitOffset = 0;
    if (length == 0) {
      return 0;
    }
    if (streamPos >= bytes.length) {
      return -1;
    }
    int n = (int) Math.min(length, bytes.length - streamPos);
    System.arraycopy(bytes, (int) streamPos, into, offset, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return bytes.length;
  }
}
