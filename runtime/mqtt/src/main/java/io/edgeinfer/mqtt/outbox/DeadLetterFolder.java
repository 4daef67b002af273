package io.edgeinfer.mqtt.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.mqtt.publish.Publish;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replies the broker refused (a PUBACK reason code of 0x80 or more, such as an ACL's 0x87; or a
 * publish that made the broker drop the connection, again and again): each kept once, as one JSON
 * file with the reason, so that it neither blocks the outbox nor vanishes. A person reads them; the
 * service never sends them again. Files are named by time, so {@code ls} lists them in order.
 */
public final class DeadLetterFolder {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path dir;
  private final AtomicLong count = new AtomicLong();

  private DeadLetterFolder(Path dir) {
    this.dir = dir;
  }

  /** The folder {@code dir}, created private to this user (0700) if needed. */
  public static DeadLetterFolder open(Path dir) throws IOException {
    PrivateFolders.create(dir);
    return new DeadLetterFolder(dir);
  }

  public Path directory() {
    return dir;
  }

  /** Writes one refused message with its reason; returns the file. */
  public Path write(Publish message, String reason) throws IOException {
    String name =
        String.format(
            Locale.ROOT, "%d-%06d.json", System.currentTimeMillis(), count.incrementAndGet());
    Path temp = dir.resolve(name + ".tmp");
    PrivateFolders.writePrivate(temp, json(message, reason));
    return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  static byte[] json(Publish message, String reason) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("reason", reason);
      json.writeStringField("refused_at", Instant.now().toString());
      json.writeStringField("topic", message.topic());
      json.writeNumberField("qos", message.qos());
      if (message.contentType() != null) {
        json.writeStringField("content_type", message.contentType());
      }
      if (message.correlationData() != null) {
        json.writeStringField(
            "correlation_data_base64",
            Base64.getEncoder().encodeToString(message.correlationData()));
      }
      for (Map.Entry<String, String> property : message.userProperties()) {
        json.writeStringField("user_property_" + property.getKey(), property.getValue());
      }
      String text = utf8(message.payload());
      if (text != null) {
        json.writeStringField("payload", text);
      } else {
        json.writeStringField(
            "payload_base64", Base64.getEncoder().encodeToString(message.payload()));
      }
      json.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private static String utf8(byte[] payload) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
