package io.edgeinfer.mqtt.homeassistant;

import java.util.Locale;

/**
 * Home Assistant takes node and object ids of {@code [a-zA-Z0-9_-]} only: a label such as {@code
 * traffic light} or a client id with dots is made to fit.
 */
final class ObjectIds {
  private ObjectIds() {}

  static String of(String text) {
    StringBuilder id = new StringBuilder(text.length());
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      id.append(allowed ? c : '_');
    }
    return id.toString();
  }
}
