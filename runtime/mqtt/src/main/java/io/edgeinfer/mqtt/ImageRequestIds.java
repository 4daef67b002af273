package io.edgeinfer.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The id of an image request: an image has no JSON field to carry one, so it is the MQTT v5
 * correlation data when that is short printable UTF-8 (what {@code mosquitto_pub -D publish
 * correlation-data ID} sends). The correlation data itself goes back on every reply either way.
 */
final class ImageRequestIds {
  static final int MAX_CHARS = 128;

  private ImageRequestIds() {}

  /** The id, or null when the message has none that reads as text. */
  static String of(InboundMessage message) {
    byte[] data = message.correlationData();
    if (data == null || data.length == 0 || data.length > MAX_CHARS * 4) {
      return null;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (text.length() > MAX_CHARS || text.codePoints().anyMatch(Character::isISOControl)) {
      return null;
    }
    return text;
  }
}
