package io.edgeinfer.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes many QoS 1 requests as fast as the broker takes them: a window of 16 outstanding (under
 * Mosquitto's receive maximum of 20), each released by its PUBACK.
 */
final class BurstPublisher implements AutoCloseable {
  private static final int WINDOW = 16;
  private final MqttAsyncClient client;
  private final Semaphore window = new Semaphore(WINDOW);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  BurstPublisher(String uri) throws MqttException {
    client =
        new MqttAsyncClient(
            uri, "burst-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(5000);
  }

  /** Sends {@code {"id": "I", "instances": [[I, 0, 0]]}} for I in [0, count) to {@code topic}. */
  void send(String topic, int count) throws Exception {
    send(topic, count, 0);
  }

  /** As {@link #send(String, int)}, at most {@code perSecond} a second (0: as fast as it can). */
  void send(String topic, int count, int perSecond) throws Exception {
    long started = System.nanoTime();
    MqttActionListener release =
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            window.release();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable error) {
            failure.compareAndSet(null, error);
            window.release();
          }
        };
    for (int i = 0; i < count; i++) {
      byte[] payload =
          ("{\"id\": \"" + i + "\", \"instances\": [[" + i + ", 0, 0]]}")
              .getBytes(StandardCharsets.UTF_8);
      if (perSecond > 0) {
        long due = started + i * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      MqttMessage message = new MqttMessage(payload);
      message.setQos(1);
      if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the broker took no request for 30 s, at " + i);
      }
      client.publish(topic, message, null, release);
    }
    if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
      throw new AssertionError("the last requests were never acknowledged");
    }
    window.release(WINDOW);
    if (failure.get() != null) {
      throw new AssertionError("a request was not published", failure.get());
    }
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(3000);
    client.close(true);
  }
}
