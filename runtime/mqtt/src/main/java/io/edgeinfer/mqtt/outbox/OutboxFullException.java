package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Thrown by {@link Outbox#append} when the message would take the outbox beyond maxMessages or
 * maxBytes. The message says both numbers, e.g. "outbox full: 1000 messages, 12.3 MB in
 * /var/lib/edgeinfer/outbox (limits 1000 messages, 64 MB)". Sizes count in units of 1024.
 */
public final class OutboxFullException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int messages;
  private final long bytes;
  private final int maxMessages;
  private final long maxBytes;

  /** The outbox in directory holds messages and bytes, and the limits leave no room. */
  public OutboxFullException(
      int messages, long bytes, Path directory, int maxMessages, long maxBytes) {
    this(
        "outbox full: "
            + messages
            + " messages, "
            + humanSize(bytes)
            + " in "
            + directory
            + " (limits "
            + maxMessages
            + " messages, "
            + humanSize(maxBytes)
            + ")",
        messages,
        bytes,
        maxMessages,
        maxBytes);
  }

  private OutboxFullException(
      String message, int messages, long bytes, int maxMessages, long maxBytes) {
    super(message);
    this.messages = messages;
    this.bytes = bytes;
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** A message that needs more room on disk than the whole outbox may use; it never fits. */
  static OutboxFullException tooLarge(
      long messageBytes, int messages, long bytes, Path directory, int maxMessages, long maxBytes) {
    return new OutboxFullException(
        "message too large for the outbox: it takes "
            + humanSize(messageBytes)
            + " on disk, the limit of "
            + directory
            + " is "
            + humanSize(maxBytes),
        messages,
        bytes,
        maxMessages,
        maxBytes);
  }

  /** How many messages the outbox held. */
  public int messages() {
    return messages;
  }

  /** How many bytes the outbox's files took. */
  public long bytes() {
    return bytes;
  }

  public int maxMessages() {
    return maxMessages;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** "900 bytes", "1.5 KB", "12.3 MB", "64 MB": one decimal, none when it is zero. */
  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    double value = bytes;
    String unit = "KB";
    for (String next : new String[] {"MB", "GB", "TB"}) {
      if (value / 1024 < 1024) {
        break;
      }
      value /= 1024;
      unit = next;
    }
    value /= 1024;
    String text = String.format(Locale.ROOT, "%.1f", value);
    if (text.endsWith(".0")) {
      text = text.substring(0, text.length() - 2);
    }
    return text + " " + unit;
  }
}
