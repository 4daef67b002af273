package io.edgeinfer.mqtt;

import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** The error for a request whose correlation data {@link CorrelationDataGuard} had to cut out. */
final class CorrelationCut {
  private CorrelationCut() {}

  /** Why the request cannot be answered as asked, or null when its correlation data is whole. */
  static String problem(MqttProperties properties) {
    if (properties.getUserProperties() == null) {
      return null;
    }
    for (UserProperty property : properties.getUserProperties()) {
      if (CorrelationDataGuard.MARKER.equals(property.getKey())) {
        return "expected correlation data of at most "
            + CorrelationDataGuard.MAX_CORRELATION_BYTES
            + " bytes (the most this service's MQTT client reads), found "
            + property.getValue()
            + " bytes";
      }
    }
    return null;
  }
}
