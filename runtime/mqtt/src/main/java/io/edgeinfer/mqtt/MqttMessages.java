package io.edgeinfer.mqtt;

import io.edgeinfer.mqtt.publish.Publish;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** Paho messages from edgeinfer's own publish records, with the MQTT v5 properties they carry. */
final class MqttMessages {
  private MqttMessages() {}

  static MqttMessage of(Publish message) {
    MqttMessage mqtt = new MqttMessage(message.payload());
    mqtt.setQos(message.qos());
    mqtt.setRetained(message.retain());
    MqttProperties properties = new MqttProperties();
    if (message.contentType() != null) {
      properties.setContentType(message.contentType());
    }
    if (message.responseTopic() != null) {
      properties.setResponseTopic(message.responseTopic());
    }
    if (message.correlationData() != null) {
      properties.setCorrelationData(message.correlationData());
    }
    if (!message.userProperties().isEmpty()) {
      List<UserProperty> user = new ArrayList<>();
      for (Map.Entry<String, String> entry : message.userProperties()) {
        user.add(new UserProperty(entry.getKey(), entry.getValue()));
      }
      properties.setUserProperties(user);
    }
    mqtt.setProperties(properties);
    return mqtt;
  }
}
