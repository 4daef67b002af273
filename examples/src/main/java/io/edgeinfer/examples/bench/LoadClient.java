package io.edgeinfer.examples.bench;

import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes requests with a bounded number outstanding. Paho v5 has no in-flight setting: going
 * over the broker's Receive Maximum throws at once, and a burst of QoS 0 publishes runs out of
 * packet ids (docs: shared/docs/mqtt.md). So a semaphore, released when Paho reports the publish
 * complete, holds at most {@link #window()} publishes outstanding, at every QoS.
 */
final class LoadClient implements RequestSender {
  /** Never more than Mosquitto's default Receive Maximum, whatever a broker offers. */
  static final int MAX_WINDOW = 20;

  private final MqttAsyncClient client;
  private final String topic;
  private final int qos;
  private final int window;
  private final Semaphore outstanding;
  private final AtomicLong failures = new AtomicLong();
  private volatile String lastFailure;

  private LoadClient(BenchClients.Connected connected, String topic, int qos) {
    this.client = connected.client();
    this.topic = topic;
    this.qos = qos;
    this.window = Math.min(MAX_WINDOW, connected.receiveMaximum());
    this.outstanding = new Semaphore(window);
  }

  /** A client that publishes to {@code topic} at {@code qos}. */
  static LoadClient connect(String uri, String topic, int qos) throws MqttException {
    return new LoadClient(BenchClients.connect(uri, "load", (t, message) -> {}), topic, qos);
  }

  @Override
  public int window() {
    return window;
  }

  /** Publishes at once, first waiting for room in the window. */
  @Override
  public void send(byte[] payload) throws InterruptedException {
    outstanding.acquire();
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    try {
      client.publish(
          topic,
          message,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              outstanding.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              outstanding.release();
              fail(error);
            }
          });
    } catch (MqttException e) {
      outstanding.release();
      fail(e);
    }
  }

  private void fail(Throwable error) {
    failures.incrementAndGet();
    lastFailure = String.valueOf(error);
  }

  @Override
  public void flush() {
    // Nothing waits: Paho sends each publish as it comes.
  }

  @Override
  public long failures() {
    return failures.get();
  }

  @Override
  public String lastFailure() {
    return lastFailure;
  }

  @Override
  public OptionalLong processCpuNanos() {
    return OptionalLong.empty();
  }

  /** Waits until every publish is complete, up to the timeout. */
  @Override
  public boolean awaitIdle(long millis) throws InterruptedException {
    if (outstanding.tryAcquire(window, millis, TimeUnit.MILLISECONDS)) {
      outstanding.release(window);
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    BenchClients.closeQuietly(client);
  }
}
