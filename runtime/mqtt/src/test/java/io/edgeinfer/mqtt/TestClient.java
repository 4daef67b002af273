package io.edgeinfer.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho v5 client for tests: publishes requests and collects what arrives on its filters. */
public final class TestClient implements AutoCloseable {
  public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final MqttAsyncClient client;

  public record Received(String topic, String payload, MqttProperties properties) {}

  public TestClient(String uri) throws MqttException {
    client =
        new MqttAsyncClient(
            uri, "test-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    client.setCallback(
        new MqttCallbackAdapter() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.add(
                new Received(
                    topic,
                    new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.getProperties()));
          }
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(5000);
  }

  public TestClient subscribe(String filter) throws MqttException {
    client
        .subscribe(
            new MqttSubscription[] {new MqttSubscription(filter, 1)},
            null,
            null,
            new MqttProperties())
        .waitForCompletion(5000);
    return this;
  }

  public void publish(String topic, String payload) throws MqttException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8), new MqttProperties());
  }

  public void publish(String topic, byte[] payload, MqttProperties properties)
      throws MqttException {
    publish(topic, payload, properties, false);
  }

  /** A retained QoS 1 publish; an empty payload deletes what the broker retained on the topic. */
  public void publishRetained(String topic, byte[] payload) throws MqttException {
    publish(topic, payload, new MqttProperties(), true);
  }

  private void publish(String topic, byte[] payload, MqttProperties properties, boolean retain)
      throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    message.setRetained(retain);
    message.setProperties(properties);
    for (int attempt = 1; ; attempt++) {
      try {
        client.publish(topic, message).waitForCompletion(5000);
        return;
      } catch (MqttException e) {
        // Paho 1.2.5 sometimes still counts a completed publish as in flight while QoS 1
        // messages pour in, and refuses the next one (32202): wait a moment and send it again.
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt == 50) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The next message, or null after the timeout. */
  public Received next(long seconds) throws InterruptedException {
    return received.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(3000);
    }
    client.close(true);
  }
}
