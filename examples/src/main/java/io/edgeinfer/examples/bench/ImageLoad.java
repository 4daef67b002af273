package io.edgeinfer.examples.bench;

import io.edgeinfer.mqtt.TcpSocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * A camera fleet in a closed loop: the same JPEG published again and again at QoS 1, at most {@code
 * outstanding} not yet answered, the replies counted and their {@code timings_ms} summed (what the
 * service says it spent decoding, and preparing plus predicting).
 */
final class ImageLoad implements AutoCloseable {
  private static final Pattern TIMING =
      Pattern.compile("\"decode\":([0-9.Ee-]+),\"inference\":([0-9.Ee-]+),\"total\":([0-9.Ee-]+)");

  record Result(int images, double seconds, double decodeMs, double inferenceMs, double totalMs) {
    double imagesPerSecond() {
      return images / seconds;
    }
  }

  private final MqttAsyncClient client;
  private final String requestTopic;
  private final Semaphore window;
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong decodeNanos = new AtomicLong();
  private final AtomicLong inferenceNanos = new AtomicLong();
  private final AtomicLong totalNanos = new AtomicLong();

  ImageLoad(String uri, String requestTopic, int outstanding) throws MqttException {
    this.requestTopic = requestTopic;
    this.window = new Semaphore(outstanding);
    client =
        new MqttAsyncClient(
            uri,
            "image-load-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            String json = new String(message.getPayload(), StandardCharsets.UTF_8);
            Matcher m = TIMING.matcher(json);
            if (m.find()) {
              decodeNanos.addAndGet((long) (Double.parseDouble(m.group(1)) * 1e6));
              inferenceNanos.addAndGet((long) (Double.parseDouble(m.group(2)) * 1e6));
              totalNanos.addAndGet((long) (Double.parseDouble(m.group(3)) * 1e6));
            } else {
              errors.incrementAndGet();
            }
            replies.incrementAndGet();
            window.release();
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
    options.setCleanStart(true);
    // The service's own sockets (Nagle off): with Paho's default a small reply waited for a delayed
    // ACK, about 40 ms, and capped the loop near 50 images/s whatever the model.
    options.setSocketFactory(new TcpSocketFactory());
    client.connect(options).waitForCompletion(10_000);
    client
        .subscribe(
            new MqttSubscription[] {new MqttSubscription(requestTopic + "/+", 1)},
            null,
            null,
            new MqttProperties())
        .waitForCompletion(10_000);
  }

  /** Sends {@code count} images and waits for their replies. */
  Result run(byte[] jpeg, int count) throws MqttException, InterruptedException {
    long before = replies.get();
    decodeNanos.set(0);
    inferenceNanos.set(0);
    totalNanos.set(0);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no reply for 60 s after " + (replies.get() - before));
      }
      MqttMessage message = new MqttMessage(jpeg);
      message.setQos(1);
      MqttProperties properties = new MqttProperties();
      properties.setContentType("image/jpeg");
      message.setProperties(properties);
      client.publish(requestTopic, message);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (replies.get() - before < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "expected " + count + " replies, found " + (replies.get() - before));
      }
      Thread.sleep(1);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (errors.get() > 0) {
      throw new IllegalStateException(errors.get() + " replies were errors, not predictions");
    }
    return new Result(
        count,
        seconds,
        decodeNanos.get() / 1e6 / count,
        inferenceNanos.get() / 1e6 / count,
        totalNanos.get() / 1e6 / count);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(5000);
    }
    client.close(true);
  }
}
