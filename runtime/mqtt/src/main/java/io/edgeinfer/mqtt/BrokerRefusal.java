package io.edgeinfer.mqtt;

import java.util.Locale;
import org.eclipse.paho.mqttv5.client.IMqttToken;

/**
 * Whether the broker refused a publish that Paho counts as done: Paho completes a QoS 1 publish on
 * any PUBACK, also one whose reason code (0x80 or more) says the message was not accepted — an ACL
 * (0x87), a quota (0x97). Such a reply is not delivered and must not be counted as if it were.
 */
final class BrokerRefusal {
  private BrokerRefusal() {}

  /** The broker's reason for refusing, or null when it accepted (or QoS 0: nothing to say). */
  static String of(IMqttToken token) {
    int[] codes = token.getReasonCodes();
    if (codes == null) {
      return null;
    }
    for (int code : codes) {
      if (code >= 0x80) {
        return "the broker refused the publish with reason code "
            + String.format(Locale.ROOT, "0x%02X", code)
            + " ("
            + name(code)
            + ")";
      }
    }
    return null;
  }

  private static String name(int code) {
    return switch (code) {
      case 0x80 -> "unspecified error";
      case 0x83 -> "implementation specific error";
      case 0x87 -> "not authorized";
      case 0x90 -> "topic name invalid";
      case 0x91 -> "packet identifier in use";
      case 0x97 -> "quota exceeded";
      case 0x99 -> "payload format invalid";
      default -> "see the MQTT v5 reason codes";
    };
  }
}
