package io.edgeinfer.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The broker's byte stream as Paho should read it. Paho 1.2.5 reads a binary property's length as a
 * signed 16-bit number, so correlation data of 32,768 bytes or more makes it allocate a negative
 * array: its receiving thread dies, and since the message was never acknowledged the broker sends
 * it again after every reconnect, stopping intake for good. This stream cuts such correlation data
 * out of each PUBLISH packet before Paho sees it, and puts in its place a user property {@value
 * #MARKER} with the length it had, so that the service can answer the request with an error and
 * acknowledge it. Every other packet, and every PUBLISH without oversized correlation data, passes
 * through unchanged; a packet that does not parse is left for Paho to judge.
 */
final class CorrelationDataGuard extends FilterInputStream {
  private final ReadGate gate;
  private final BooleanSupplier socketClosed;

  /** The user property that stands for correlation data cut out, with its length in bytes. */
  static final String MARKER = "edgeinfer-correlation-data-cut";

  /** The longest correlation data Paho reads. */
  static final int MAX_CORRELATION_BYTES = Short.MAX_VALUE;

  private static final int PUBLISH = 3;
  private static final int CORRELATION_DATA = 0x09;
  private static final int USER_PROPERTY = 0x26;

  /** Bytes ready to be read: a packet's header, or a whole PUBLISH packet. */
  private byte[] ready = new byte[0];

  private int readyAt;

  /** A PUBLISH packet's body, ready after its header. */
  private byte[] body;

  /** Bytes of a non-PUBLISH packet's body still to pass straight through. */
  private long passThrough;

  CorrelationDataGuard(InputStream in) {
    this(in, ReadGate.OPEN, () -> false);
  }

  /**
   * @param gate held before each PUBLISH packet is handed on (see {@link ReadGate})
   * @param socketClosed whether the socket under {@code in} is closed: a held read then goes on,
   *     and meets the closed socket
   */
  CorrelationDataGuard(InputStream in, ReadGate gate, BooleanSupplier socketClosed) {
    super(in);
    this.gate = gate;
    this.socketClosed = socketClosed;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (readyAt == ready.length && body != null) {
      ready = body;
      readyAt = 0;
      body = null;
    } else if (readyAt == ready.length && passThrough == 0 && !nextPacket()) {
      return -1;
    }
    if (readyAt < ready.length) {
      int n = Math.min(length, ready.length - readyAt);
      System.arraycopy(ready, readyAt, buffer, offset, n);
      readyAt += n;
      return n;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, passThrough));
    if (n > 0) {
      passThrough -= n;
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return (ready.length - readyAt)
        + (body == null ? 0 : body.length)
        + (int) Math.min(in.available(), passThrough);
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads the next packet's fixed header (and a PUBLISH packet's body); false at end of stream. */
  private boolean nextPacket() throws IOException {
    int first = in.read();
    if (first < 0) {
      return false;
    }
    ByteArrayOutputStream header = new ByteArrayOutputStream(5);
    header.write(first);
    long remaining = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the broker's connection ended inside a packet header");
      }
      header.write(b);
      remaining |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0 || shift == 21) {
        break;
      }
    }
    if ((first >> 4) != PUBLISH) {
      ready = header.toByteArray();
      readyAt = 0;
      passThrough = remaining;
      return true;
    }
    // Held before the body is read: the broker's bytes stay in the socket, and TCP holds the rest.
    gate.awaitOpen(socketClosed);
    byte[] packet = new byte[(int) remaining];
    readFully(packet);
    byte[] guarded = Publish.withoutOversizedCorrelation(packet, (first >> 1) & 3);
    if (guarded == null) {
      ready = header.toByteArray();
      body = packet;
    } else {
      ByteArrayOutputStream newHeader = new ByteArrayOutputStream(5);
      newHeader.write(first);
      Publish.writeVariableInt(newHeader, guarded.length);
      ready = newHeader.toByteArray();
      body = guarded;
    }
    readyAt = 0;
    return true;
  }

  private void readFully(byte[] body) throws IOException {
    int at = 0;
    while (at < body.length) {
      int n = in.read(body, at, body.length - at);
      if (n < 0) {
        throw new EOFException("the broker's connection ended inside a PUBLISH packet");
      }
      at += n;
    }
  }

  /** The parts of a PUBLISH packet's body this guard needs to find and cut a property. */
  static final class Publish {
    private Publish() {}

    /**
     * The body with oversized correlation data replaced by the marker, or null when there is none
     * (or the body does not parse: Paho then reports it as it would have).
     */
    static byte[] withoutOversizedCorrelation(byte[] body, int qos) {
      try {
        int at = 2 + u16(body, 0);
        if (qos > 0) {
          at += 2;
        }
        int lengthAt = at;
        long[] length = variableInt(body, at);
        int propertiesStart = (int) length[1];
        int propertiesEnd = propertiesStart + (int) length[0];
        if (propertiesEnd > body.length) {
          return null;
        }
        int p = propertiesStart;
        while (p < propertiesEnd) {
          int id = body[p] & 0xFF;
          int start = p;
          p = skipValue(body, id, p + 1);
          if (id == CORRELATION_DATA && p - start - 3 > MAX_CORRELATION_BYTES) {
            return rebuild(body, lengthAt, propertiesStart, propertiesEnd, start, p);
          }
        }
        return null;
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        return null;
      }
    }

    private static byte[] rebuild(
        byte[] body, int lengthAt, int propsStart, int propsEnd, int cutStart, int cutEnd) {
      int cutBytes = cutEnd - cutStart - 3;
      ByteArrayOutputStream marker = new ByteArrayOutputStream();
      marker.write(USER_PROPERTY);
      writeString(marker, MARKER);
      writeString(marker, Integer.toString(cutBytes));
      int newPropsLength = (propsEnd - propsStart) - (cutEnd - cutStart) + marker.size();
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
      out.write(body, 0, lengthAt);
      writeVariableInt(out, newPropsLength);
      out.write(body, propsStart, cutStart - propsStart);
      out.write(body, cutEnd, propsEnd - cutEnd);
      out.write(marker.toByteArray(), 0, marker.size());
      out.write(body, propsEnd, body.length - propsEnd);
      return out.toByteArray();
    }

    /** Where the property value starting at {@code at} ends (MQTT v5, section 2.2.2.2). */
    private static int skipValue(byte[] body, int id, int at) {
      switch (id) {
        case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A:
          return at + 1;
        case 0x13, 0x21, 0x22, 0x23:
          return at + 2;
        case 0x02, 0x11, 0x18, 0x27:
          return at + 4;
        case 0x0B:
          return (int) variableInt(body, at)[1];
        case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F:
          return at + 2 + u16(body, at);
        case USER_PROPERTY:
          int value = at + 2 + u16(body, at);
          return value + 2 + u16(body, value);
        default:
          throw new IllegalArgumentException("unknown property " + id);
      }
    }

    private static int u16(byte[] body, int at) {
      return ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
    }

    /** {value, index after it}. */
    private static long[] variableInt(byte[] body, int at) {
      long value = 0;
      for (int shift = 0; shift <= 21; shift += 7) {
        int b = body[at++] & 0xFF;
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return new long[] {value, at};
        }
      }
      throw new IllegalArgumentException("a variable byte integer of more than 4 bytes");
    }

    static void writeVariableInt(ByteArrayOutputStream out, int value) {
      do {
        int b = value & 0x7F;
        value >>>= 7;
        out.write(value > 0 ? b | 0x80 : b);
      } while (value > 0);
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      out.write(bytes.length >> 8);
      out.write(bytes.length & 0xFF);
      out.write(bytes, 0, bytes.length);
    }
  }
}
