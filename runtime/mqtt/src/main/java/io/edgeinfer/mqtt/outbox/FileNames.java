package io.edgeinfer.mqtt.outbox;

import java.util.Locale;

/** Names of the files in an outbox folder. */
final class FileNames {
  static final String LOCK = "lock";
  static final String SEQUENCE = "sequence";
  static final String CORRUPT = "corrupt";
  static final String TEMP_SUFFIX = ".tmp";
  private static final String MESSAGE_SUFFIX = ".msg";
  // 19 digits hold any positive long, so name order is number order.
  private static final int DIGITS = 19;

  private FileNames() {}

  static String message(long sequence) {
    return String.format(Locale.ROOT, "%0" + DIGITS + "d" + MESSAGE_SUFFIX, sequence);
  }

  /** The sequence a message file (or its temp file) is named after, or -1 for any other name. */
  static long sequence(String name) {
    if (name.endsWith(TEMP_SUFFIX)) {
      name = name.substring(0, name.length() - TEMP_SUFFIX.length());
    }
    if (name.length() != DIGITS + MESSAGE_SUFFIX.length() || !name.endsWith(MESSAGE_SUFFIX)) {
      return -1;
    }
    for (int i = 0; i < DIGITS; i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(name, 0, DIGITS, 10);
    } catch (NumberFormatException e) {
      return -1; // 19 digits above Long.MAX_VALUE
    }
  }

  static boolean isMessage(String name) {
    return !name.endsWith(TEMP_SUFFIX) && sequence(name) >= 0;
  }
}
