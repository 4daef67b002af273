package io.edgeinfer.mqtt.outbox;

import java.io.IOException;

/** A file of the outbox that cannot be read back: cut short by a crash, or corrupt. */
final class BadFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean truncated;

  private BadFileException(String message, boolean truncated) {
    super(message);
    this.truncated = truncated;
  }

  /** The file ends before its header says it should: a write that a crash cut short. */
  static BadFileException truncated(String message) {
    return new BadFileException(message, true);
  }

  /** The file is complete but wrong: a bad magic, version, CRC or body. */
  static BadFileException corrupt(String message) {
    return new BadFileException(message, false);
  }

  boolean truncated() {
    return truncated;
  }
}
