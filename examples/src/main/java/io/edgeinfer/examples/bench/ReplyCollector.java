package io.edgeinfer.examples.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A separate client that subscribes to one run's prediction and error topics and records when the
 * reply to each request id arrived ({@link System#nanoTime()} on Paho's callback thread, before
 * anything else is done with it). Ids are the request's sequence numbers, 0 to expected - 1, which
 * the service echoes first in every reply: {@code {"id":"17",...}}. It also keeps the time the
 * relay says it spent on each one ({@code "timings_ms": {..., "total": 0.42}}: from Paho's callback
 * in the relay to the reply encoded).
 */
final class ReplyCollector implements AutoCloseable {
  private static final byte[] ID_KEY = "\"id\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TOTAL_KEY = "\"total\":".getBytes(StandardCharsets.US_ASCII);

  private final MqttAsyncClient client;
  private final String errorTopic;
  private final AtomicLongArray arrivals;
  private final AtomicLongArray relayMicros;
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger unmatched = new AtomicInteger();
  private final AtomicLong lastArrival = new AtomicLong();
  private volatile String firstError;

  private ReplyCollector(String uri, String errorTopic, int expected) throws MqttException {
    this.errorTopic = errorTopic;
    this.arrivals = new AtomicLongArray(expected);
    this.relayMicros = new AtomicLongArray(expected);
    this.client = BenchClients.connect(uri, "replies", this::onMessage).client();
  }

  /** Connects and subscribes at {@code qos} before any request is sent. */
  static ReplyCollector start(
      String uri, String replyTopic, String errorTopic, int qos, int expected)
      throws MqttException {
    ReplyCollector collector = new ReplyCollector(uri, errorTopic, expected);
    try {
      collector
          .client
          .subscribe(
              new MqttSubscription[] {
                new MqttSubscription(replyTopic, qos), new MqttSubscription(errorTopic, qos)
              },
              null,
              null,
              new MqttProperties())
          .waitForCompletion(10_000);
    } catch (MqttException e) {
      collector.close();
      throw e;
    }
    return collector;
  }

  private void onMessage(String topic, MqttMessage message) {
    long now = System.nanoTime();
    if (topic.equals(errorTopic)) {
      if (errors.getAndIncrement() == 0) {
        firstError = new String(message.getPayload(), StandardCharsets.UTF_8);
      }
      return;
    }
    int id = parseId(message.getPayload());
    if (id < 0 || id >= arrivals.length()) {
      unmatched.incrementAndGet();
      return;
    }
    if (arrivals.compareAndSet(id, 0, now)) {
      relayMicros.set(id, parseTotalMicros(message.getPayload()));
      lastArrival.set(now);
      received.incrementAndGet();
    } else {
      duplicates.incrementAndGet();
    }
  }

  /**
   * The number in {@code {"id":"123",...}} (spaces allowed, as in a request), or -1 when the
   * message does not start that way.
   */
  static int parseId(byte[] payload) {
    int i = skipSpaces(payload, 0);
    if (!at(payload, i, '{')) {
      return -1;
    }
    i = skipSpaces(payload, i + 1);
    for (byte b : ID_KEY) {
      if (!at(payload, i++, b)) {
        return -1;
      }
    }
    i = skipSpaces(payload, i);
    if (!at(payload, i, ':')) {
      return -1;
    }
    i = skipSpaces(payload, i + 1);
    if (!at(payload, i, '"')) {
      return -1;
    }
    int start = ++i;
    long id = 0;
    while (i < payload.length && payload[i] >= '0' && payload[i] <= '9' && i - start < 10) {
      id = id * 10 + (payload[i++] - '0');
    }
    if (i == start || !at(payload, i, '"') || id > Integer.MAX_VALUE) {
      return -1;
    }
    return (int) id;
  }

  /** The relay's {@code "total"} time in microseconds, from the end of a reply; or -1. */
  static long parseTotalMicros(byte[] payload) {
    int key = -1;
    for (int i = payload.length - TOTAL_KEY.length; i >= 0 && key < 0; i--) {
      key = i;
      for (int k = 0; k < TOTAL_KEY.length; k++) {
        if (payload[i + k] != TOTAL_KEY[k]) {
          key = -1;
          break;
        }
      }
    }
    if (key < 0) {
      return -1;
    }
    int start = key + TOTAL_KEY.length;
    int end = start;
    while (end < payload.length && "0123456789.eE+-".indexOf(payload[end]) >= 0) {
      end++;
    }
    try {
      String number = new String(payload, start, end - start, StandardCharsets.US_ASCII);
      return Math.round(Double.parseDouble(number) * 1000);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean at(byte[] payload, int i, int expected) {
    return i < payload.length && payload[i] == expected;
  }

  private static int skipSpaces(byte[] payload, int i) {
    while (i < payload.length && (payload[i] == ' ' || payload[i] == '\n' || payload[i] == '\r')) {
      i++;
    }
    return i;
  }

  /**
   * Waits until every expected reply has arrived, or until none has arrived for {@code quietMillis}
   * (the rest are lost).
   */
  void await(long quietMillis) throws InterruptedException {
    int seen = -1;
    long lastProgress = System.nanoTime();
    while (received.get() < arrivals.length()) {
      int now = received.get() + errors.get();
      if (now != seen) {
        seen = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > quietMillis * 1_000_000L) {
        return;
      }
      Thread.sleep(5);
    }
  }

  /** When the reply to {@code id} arrived, or 0 if it has not. */
  long arrival(int id) {
    return arrivals.get(id);
  }

  /** How long the relay says it spent on {@code id}, in microseconds; -1 if not known. */
  long relayMicros(int id) {
    return arrivals.get(id) == 0 ? -1 : relayMicros.get(id);
  }

  int expected() {
    return arrivals.length();
  }

  /** Distinct ids answered. */
  int received() {
    return received.get();
  }

  int duplicates() {
    return duplicates.get();
  }

  int errors() {
    return errors.get();
  }

  /** Replies whose id was not one of this run's. */
  int unmatched() {
    return unmatched.get();
  }

  String firstError() {
    return firstError;
  }

  long lastArrival() {
    return lastArrival.get();
  }

  @Override
  public void close() {
    BenchClients.closeQuietly(client);
  }
}
