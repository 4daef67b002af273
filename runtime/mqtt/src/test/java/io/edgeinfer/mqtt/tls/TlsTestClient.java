package io.edgeinfer.mqtt.tls;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** The other end of a request over TLS (TestClient speaks plain TCP only). */
final class TlsTestClient implements AutoCloseable {
  record Received(String topic, String payload) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final MqttAsyncClient client;

  TlsTestClient(String uri, SSLSocketFactory tls) throws MqttException {
    client = new MqttAsyncClient(uri, "tls-test-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.add(
                new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(tls);
    client.connect(options).waitForCompletion(10_000);
  }

  void subscribe(String filter) throws MqttException {
    client
        .subscribe(
            new MqttSubscription[] {new MqttSubscription(filter, 1)},
            null,
            null,
            new MqttProperties())
        .waitForCompletion(5000);
  }

  /** Publishes at QoS 1 with MQTT v5 properties (response topic, correlation data...). */
  void publish(String topic, String payload, MqttProperties properties) throws MqttException {
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    message.setProperties(properties);
    client.publish(topic, message).waitForCompletion(5000);
  }

  void publish(String topic, String payload) throws MqttException {
    client
        .publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false)
        .waitForCompletion(5000);
  }

  /** The next message on {@code topic} within 10 s, skipping others (status, the request). */
  Received next(String topic) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Received message = received.poll(100, TimeUnit.MILLISECONDS);
      if (message != null && message.topic().equals(topic)) {
        return message;
      }
    }
    throw new AssertionError("nothing arrived on " + topic);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(3000);
    }
    client.close(true);
  }
}
