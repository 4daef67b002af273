package io.edgeinfer.mqtt.outbox;

import io.edgeinfer.mqtt.publish.Publish;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message file: a {@link Frame} with magic "EIOB" whose body is the sequence, QoS, flags, topic,
 * the optional v5 properties, user properties and payload.
 */
final class MessageCodec {
  static final int MAGIC = 0x45494F42; // "EIOB": edgeinfer outbox
  private static final int SEQUENCE_OFFSET = Frame.HEADER_BYTES;
  private static final int RETAIN = 1;
  private static final int HAS_CONTENT_TYPE = 2;
  private static final int HAS_RESPONSE_TOPIC = 4;
  private static final int HAS_CORRELATION_DATA = 8;
  private static final int KNOWN_FLAGS = 15;

  private MessageCodec() {}

  /**
   * The whole file with sequence 0, so its size is known before a sequence is given out; {@link
   * #stamp} sets the sequence and the CRC.
   */
  static byte[] encode(Publish m) {
    byte[] topic = utf8(m.topic(), "topic");
    byte[] contentType = m.contentType() == null ? null : utf8(m.contentType(), "contentType");
    byte[] responseTopic =
        m.responseTopic() == null ? null : utf8(m.responseTopic(), "responseTopic");
    List<byte[]> properties = new ArrayList<>();
    for (Map.Entry<String, String> p : m.userProperties()) {
      properties.add(utf8(p.getKey(), "user property name"));
      properties.add(utf8(p.getValue(), "user property value"));
    }
    long length = 8 + 1 + 1 + field(topic) + field(contentType) + field(responseTopic);
    length += field(m.correlationData()) + 4 + field(m.payload());
    for (byte[] p : properties) {
      length += field(p);
    }
    if (length > Integer.MAX_VALUE - Frame.HEADER_BYTES) {
      throw new IllegalArgumentException(
          "expected a message below 2 GB, found " + length + " bytes");
    }
    int flags = m.retain() ? RETAIN : 0;
    flags |= contentType == null ? 0 : HAS_CONTENT_TYPE;
    flags |= responseTopic == null ? 0 : HAS_RESPONSE_TOPIC;
    flags |= m.correlationData() == null ? 0 : HAS_CORRELATION_DATA;

    ByteBuffer out = Frame.allocate(MAGIC, (int) length);
    out.putLong(0).put((byte) m.qos()).put((byte) flags);
    put(out, topic);
    put(out, contentType);
    put(out, responseTopic);
    put(out, m.correlationData());
    out.putInt(m.userProperties().size());
    for (byte[] p : properties) {
      put(out, p);
    }
    put(out, m.payload());
    return out.array();
  }

  /** Writes the sequence into an encoded file and seals it. */
  static void stamp(byte[] file, long sequence) {
    ByteBuffer.wrap(file).putLong(SEQUENCE_OFFSET, sequence);
    Frame.seal(file);
  }

  /** Reads a file back; the sequence inside must be the one its name says. */
  static OutboxEntry decode(byte[] file, long expectedSequence) throws BadFileException {
    ByteBuffer in = Frame.open(file, MAGIC);
    try {
      long sequence = in.getLong();
      if (sequence != expectedSequence) {
        throw BadFileException.corrupt(
            "expected sequence " + expectedSequence + " inside, found " + sequence);
      }
      int qos = in.get();
      int flags = in.get();
      if ((flags & ~KNOWN_FLAGS) != 0) {
        throw BadFileException.corrupt("unknown flags " + Integer.toBinaryString(flags));
      }
      String topic = string(in);
      String contentType = (flags & HAS_CONTENT_TYPE) != 0 ? string(in) : null;
      String responseTopic = (flags & HAS_RESPONSE_TOPIC) != 0 ? string(in) : null;
      byte[] correlationData = (flags & HAS_CORRELATION_DATA) != 0 ? bytes(in) : null;
      int count = in.getInt();
      if (count < 0 || count > in.remaining() / 8) {
        throw BadFileException.corrupt("expected a user property count, found " + count);
      }
      List<Map.Entry<String, String>> properties = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        properties.add(Map.entry(string(in), string(in)));
      }
      byte[] payload = bytes(in);
      if (in.hasRemaining()) {
        throw BadFileException.corrupt(in.remaining() + " bytes after the payload");
      }
      Publish message =
          new Publish(
              topic,
              payload,
              qos,
              (flags & RETAIN) != 0,
              contentType,
              responseTopic,
              correlationData,
              properties);
      return new OutboxEntry(sequence, message);
    } catch (BufferUnderflowException e) {
      throw BadFileException.corrupt("the body ends inside a field");
    } catch (IllegalArgumentException e) {
      throw BadFileException.corrupt(e.getMessage());
    }
  }

  private static long field(byte[] value) {
    return value == null ? 0 : 4L + value.length;
  }

  private static void put(ByteBuffer out, byte[] value) {
    if (value != null) {
      out.putInt(value.length).put(value);
    }
  }

  private static byte[] bytes(ByteBuffer in) throws BadFileException {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw BadFileException.corrupt(
          "expected a length up to " + in.remaining() + ", found " + length);
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  private static String string(ByteBuffer in) throws BadFileException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(in)))
          .toString();
    } catch (CharacterCodingException e) {
      throw BadFileException.corrupt("a string is not valid UTF-8");
    }
  }

  // Strict: String.getBytes would silently turn an unpaired surrogate into '?', changing the topic.
  private static byte[] utf8(String text, String what) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          what + ": expected well-formed text, found an unpaired surrogate in '" + text + "'");
    }
  }
}
