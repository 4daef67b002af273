package io.edgeinfer.examples.bench;

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
final class LoadClient implements AutoCloseable {
  /** Never more than Mosquitto's default Receive Maximum, whatever a broker offers. */
  static final int MAX_WINDOW = 20;

  private final MqttAsyncClient client;
  private final int window;
  private final Semaphore outstanding;
  private final AtomicLong failures = new AtomicLong();
  private volatile String lastFailure;

  private LoadClient(BenchClients.Connected connected) {
    this.client = connected.client();
    this.window = Math.min(MAX_WINDOW, connected.receiveMaximum());
    this.outstanding = new Semaphore(window);
  }

  static LoadClient connect(String uri) throws MqttException {
    return new LoadClient(BenchClients.connect(uri, "load", (topic, message) -> {}));
  }

  int window() {
    return window;
  }

  /** Sends one request, first waiting for room in the window. */
  void publish(String topic, byte[] payload, int qos) throws InterruptedException {
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

  /** Publishes that never reached the broker (each one is also a lost reply). */
  long failures() {
    return failures.get();
  }

  String lastFailure() {
    return lastFailure;
  }

  /** Waits until every publish is complete, up to the timeout. */
  boolean awaitIdle(long millis) throws InterruptedException {
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
