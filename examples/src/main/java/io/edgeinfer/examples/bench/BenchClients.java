package io.edgeinfer.examples.bench;

import io.edgeinfer.mqtt.TcpSocketFactory;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Connects the benchmark's own Paho v5 clients: clean start, no session left on the broker, no
 * automatic reconnect (a benchmark that lost its broker should say so, not carry on). They use the
 * service's own sockets ({@link TcpSocketFactory}: Nagle off, buffered reads), so that the load
 * client and the collector, which share the CPUs with the relay, cost as little as they can.
 */
final class BenchClients {
  private static final long CONNECT_TIMEOUT_MS = 10_000;

  private BenchClients() {}

  /** A connected client; {@code onMessage} runs on Paho's callback thread and must not block. */
  static Connected connect(String uri, String role, BiConsumer<String, MqttMessage> onMessage)
      throws MqttException {
    String clientId =
        "edgeinfer-bench-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
    MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            onMessage.accept(topic, message);
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {
            System.err.println(
                "bench: client " + clientId + " lost the broker: " + response.getReasonString());
          }

          @Override
          public void mqttErrorOccurred(MqttException exception) {
            System.err.println("bench: client " + clientId + ": " + exception.getMessage());
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setSessionExpiryInterval(0L);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setSocketFactory(new TcpSocketFactory());
    IMqttToken token = client.connect(options);
    token.waitForCompletion(CONNECT_TIMEOUT_MS);
    MqttProperties connack = token.getResponseProperties();
    Integer receiveMaximum = connack == null ? null : connack.getReceiveMaximum();
    return new Connected(client, receiveMaximum == null ? 65_535 : receiveMaximum);
  }

  /** Disconnects (waiting briefly) and releases the client's threads. */
  static void closeQuietly(MqttAsyncClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      // Closing below frees it anyway.
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      System.err.println("bench: closing " + client.getClientId() + ": " + e.getMessage());
    }
  }

  /**
   * A connected client and the broker's Receive Maximum from its CONNACK: how many QoS 1 and 2
   * publishes the broker accepts unacknowledged from this client (Paho has no window of its own).
   */
  record Connected(MqttAsyncClient client, int receiveMaximum) {}
}
