package io.edgeinfer.examples.bench;

import java.io.IOException;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Where a throughput run's load client and reply collector come from. */
interface Clients {

  /** A load client that publishes to {@code topic} at {@code qos}. */
  RequestSender sender(String topic, int qos) throws MqttException, IOException;

  /**
   * A collector subscribed to both topics before it returns; {@code onAnswer} runs once for each
   * request answered (its first reply, or an error reply).
   */
  ReplyCollector collector(
      String replyTopic, String errorTopic, int qos, int expected, Runnable onAnswer)
      throws MqttException, IOException, InterruptedException;

  /** Paho clients in this JVM, on the broker at {@code uri}. */
  record Paho(String uri) implements Clients {
    @Override
    public RequestSender sender(String topic, int qos) throws MqttException {
      return LoadClient.connect(uri, topic, qos);
    }

    @Override
    public ReplyCollector collector(
        String replyTopic, String errorTopic, int qos, int expected, Runnable onAnswer)
        throws MqttException {
      return ReplyCollector.subscribe(uri, replyTopic, errorTopic, qos, expected, onAnswer);
    }
  }
}
