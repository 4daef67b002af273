package io.edgeinfer.mqtt.homeassistant;

import io.edgeinfer.mqtt.MqttCallbackAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Subscribes as Home Assistant does when it starts: late, so that what it learns it learns from
 * retained messages. Keeps the last payload of each topic and whether it came retained.
 */
final class RetainedSubscriber implements AutoCloseable {
  record Message(String payload, boolean retained) {}

  private final MqttAsyncClient client;
  private final Map<String, Message> last = new ConcurrentHashMap<>();

  RetainedSubscriber(String uri, String... filters) throws MqttException {
    client =
        new MqttAsyncClient(
            uri, "ha-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    client.setCallback(
        new MqttCallbackAdapter() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            last.put(
                topic,
                new Message(
                    new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.isRetained()));
          }
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(5000);
    MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
    for (int i = 0; i < filters.length; i++) {
      subscriptions[i] = new MqttSubscription(filters[i], 1);
    }
    client.subscribe(subscriptions, null, null, new MqttProperties()).waitForCompletion(5000);
  }

  /** The last message on {@code topic}, waiting up to 10 s for one that satisfies {@code test}. */
  Message await(String topic, java.util.function.Predicate<Message> test)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Message message = last.get(topic);
      if (message != null && test.test(message)) {
        return message;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing suitable on " + topic + "; seen: " + last);
  }

  Map<String, Message> seen() {
    return Map.copyOf(last);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(3000);
    }
    client.close(true);
  }
}
