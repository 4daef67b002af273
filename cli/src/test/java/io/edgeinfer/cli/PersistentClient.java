package io.edgeinfer.cli;

import io.edgeinfer.mqtt.MqttCallbackAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A sender and receiver that rides out broker restarts as a careful device would: a persistent
 * session, QoS 1, resubscribing after every reconnect, and publishing again until the broker
 * accepts.
 */
final class PersistentClient implements AutoCloseable {
  private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

  private final MqttAsyncClient client;
  private final MqttConnectionOptions options = new MqttConnectionOptions();
  private final String filter;
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();
  private final java.util.concurrent.ExecutorService resubscriber =
      java.util.concurrent.Executors.newSingleThreadExecutor();

  PersistentClient(String uri, String filter) throws MqttException {
    this.filter = filter;
    client = new MqttAsyncClient(uri, "persistent-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallbackAdapter() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            Matcher matcher = ID.matcher(new String(message.getPayload(), StandardCharsets.UTF_8));
            if (matcher.find()) {
              ids.merge(matcher.group(1), 1, Integer::sum);
            }
          }

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            // Never call the client from its own callback thread (Paho can deadlock).
            if (reconnect) {
              resubscriber.execute(PersistentClient.this::subscribe);
            }
          }
        });
    options.setCleanStart(false);
    options.setSessionExpiryInterval(600L);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 2);
    // A reconnect that meets a broker still starting can hang until this timeout (Paho's default,
    // 30
    // s, twice over outlasted the test's minute under load): give up sooner and try again.
    options.setConnectionTimeout(5);
    client.connect(options).waitForCompletion(5000);
    subscribe();
  }

  private void subscribe() {
    try {
      client
          .subscribe(
              new MqttSubscription[] {new MqttSubscription(filter, 1)},
              null,
              null,
              new MqttProperties())
          .waitForCompletion(5000);
    } catch (MqttException e) {
      // The broker went away again; the next connectComplete tries once more.
    }
  }

  void publishUntilAccepted(String topic, String payload) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long away = System.nanoTime();
    while (System.nanoTime() < deadline) {
      try {
        if (client.isConnected()) {
          MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
          message.setQos(1);
          client.publish(topic, message).waitForCompletion(5000);
          return;
        }
      } catch (MqttException e) {
        // The broker is away: try again once it is back.
      }
      if (System.nanoTime() - away > TimeUnit.SECONDS.toNanos(10)) {
        startOver();
        away = System.nanoTime();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the broker never accepted " + payload);
  }

  /**
   * Paho's automatic reconnect can stay "in progress" for good after a broker restart under load
   * ("Connect already in progress (32110)" for a whole minute, seen once here; paho.mqtt.java issue
   * 1035): drop the connection attempt and connect again, as a careful device would.
   */
  private void startOver() {
    try {
      client.disconnectForcibly(0, 1000, false);
    } catch (MqttException e) {
      // Nothing to drop.
    }
    try {
      client.connect(options).waitForCompletion(5000);
      subscribe();
    } catch (MqttException e) {
      // Still away: the next round tries again.
    }
  }

  /** Ids seen on the filter, once {@code expected} distinct ones arrived or the time is up. */
  Map<String, Integer> collectIds(int expected, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (ids.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return Map.copyOf(ids);
  }

  List<Integer> missing(int count, Map<String, Integer> seen) {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!seen.containsKey(Integer.toString(i))) {
        missing.add(i);
      }
    }
    return missing;
  }

  @Override
  public void close() throws MqttException {
    resubscriber.shutdownNow();
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(3000);
    }
    client.close(true);
  }
}
