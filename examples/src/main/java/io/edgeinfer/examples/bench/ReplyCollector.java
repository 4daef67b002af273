package io.edgeinfer.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A separate client that subscribes to one run's prediction and error topics and records when the
 * reply to each request id arrived ({@link System#nanoTime()} as the message is handed over, before
 * anything else is done with it). The client is Paho (on its callback thread) or {@code
 * mosquitto_sub} (read line by line from its output). Ids are the request's sequence numbers, 0 to
 * expected - 1, which the service echoes first in every reply: {@code {"id":"17",...}}. It also
 * keeps the time the relay says it spent on each one ({@code "timings_ms": {..., "total": 0.42}}:
 * from Paho's callback in the relay to the reply encoded).
 */
final class ReplyCollector implements AutoCloseable {
  private static final byte[] ID_KEY = "\"id\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TOTAL_KEY = "\"total\":".getBytes(StandardCharsets.US_ASCII);
  private static final String READY = "ready";
  private static final byte[] READY_BYTES = READY.getBytes(StandardCharsets.US_ASCII);

  private final String errorTopic;
  private final AtomicLongArray arrivals;
  private final AtomicLongArray relayMicros;
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger unmatched = new AtomicInteger();
  private final AtomicLong lastArrival = new AtomicLong();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Runnable onAnswer;
  private volatile String firstError;
  private MqttAsyncClient paho;
  private Process subscriber;

  private ReplyCollector(String errorTopic, int expected, Runnable onAnswer) {
    this.errorTopic = errorTopic;
    this.onAnswer = onAnswer;
    this.arrivals = new AtomicLongArray(expected);
    this.relayMicros = new AtomicLongArray(expected);
  }

  /**
   * A Paho client, connected and subscribed at {@code qos} before any request is sent; {@code
   * onAnswer} runs on Paho's callback thread for each request answered (its first reply, or an
   * error reply).
   */
  static ReplyCollector subscribe(
      String uri, String replyTopic, String errorTopic, int qos, int expected, Runnable onAnswer)
      throws MqttException {
    ReplyCollector collector = new ReplyCollector(errorTopic, expected, onAnswer);
    collector.paho =
        BenchClients.connect(
                uri,
                "replies",
                (topic, message) -> collector.onMessage(topic, message.getPayload()))
            .client();
    try {
      collector
          .paho
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

  /**
   * {@code mosquitto_sub} on the same topics, its output read on a thread of this JVM, which also
   * runs {@code onAnswer}. It returns once the subscription is seen to work: a {@code ready}
   * message sent to the reply topic has come back.
   */
  static ReplyCollector mosquittoSub(
      MosquittoClients clients,
      String replyTopic,
      String errorTopic,
      int qos,
      int expected,
      Runnable onAnswer)
      throws IOException, InterruptedException {
    ReplyCollector collector = new ReplyCollector(errorTopic, expected, onAnswer);
    collector.subscriber =
        new ProcessBuilder(clients.subscriber(List.of(replyTopic, errorTopic), qos))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Thread reader =
        new Thread(
            () -> collector.readLines(collector.subscriber.getInputStream()),
            "edgeinfer-bench-replies-reader");
    reader.setDaemon(true);
    reader.start();
    for (int tries = 0; tries < 50 && collector.ready.getCount() > 0; tries++) {
      new ProcessBuilder(clients.single(replyTopic, READY)).inheritIO().start().waitFor();
      collector.ready.await(200, TimeUnit.MILLISECONDS);
    }
    if (collector.ready.getCount() > 0) {
      collector.close();
      throw new IOException("mosquitto_sub did not receive on " + replyTopic + " within 10 s");
    }
    return collector;
  }

  /** Lines of {@code topic payload}, as mosquitto_sub -v prints them, read a buffer at a time. */
  private void readLines(InputStream output) {
    byte[] buffer = new byte[1 << 16];
    int filled = 0;
    try (InputStream in = output) {
      while (true) {
        if (filled == buffer.length) {
          buffer = Arrays.copyOf(buffer, 2 * buffer.length);
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
          return;
        }
        int lineStart = 0;
        for (int i = filled; i < filled + read; i++) {
          if (buffer[i] == '\n') {
            line(buffer, lineStart, i);
            lineStart = i + 1;
          }
        }
        filled += read - lineStart;
        System.arraycopy(buffer, lineStart, buffer, 0, filled);
      }
    } catch (IOException e) {
      // The process was stopped: the run is over.
    }
  }

  private void line(byte[] buffer, int from, int to) {
    int space = from;
    while (space < to && buffer[space] != ' ') {
      space++;
    }
    String topic = new String(buffer, from, space - from, StandardCharsets.UTF_8);
    byte[] payload = Arrays.copyOfRange(buffer, Math.min(space + 1, to), to);
    if (Arrays.equals(payload, READY_BYTES)) {
      ready.countDown();
    } else {
      onMessage(topic, payload);
    }
  }

  private void onMessage(String topic, byte[] payload) {
    long now = System.nanoTime();
    if (topic.equals(errorTopic)) {
      if (errors.getAndIncrement() == 0) {
        firstError = new String(payload, StandardCharsets.UTF_8);
      }
      onAnswer.run();
      return;
    }
    int id = parseId(payload);
    if (id < 0 || id >= arrivals.length()) {
      unmatched.incrementAndGet();
      return;
    }
    if (arrivals.compareAndSet(id, 0, now)) {
      relayMicros.set(id, parseTotalMicros(payload));
      lastArrival.set(now);
      received.incrementAndGet();
      onAnswer.run();
    } else {
      duplicates.incrementAndGet();
    }
  }

  /** CPU time of mosquitto_sub, when it is the client. */
  OptionalLong processCpuNanos() {
    return subscriber == null ? OptionalLong.empty() : MosquittoClients.cpuNanos(subscriber);
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
   * Waits until {@code count} requests are answered, or until no answer has arrived for {@code
   * quietMillis} (the rest are lost).
   */
  void await(int count, long quietMillis) throws InterruptedException {
    int seen = -1;
    long lastProgress = System.nanoTime();
    while (received.get() + errors.get() < count) {
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
    if (paho != null) {
      BenchClients.closeQuietly(paho);
    }
    if (subscriber != null) {
      subscriber.destroy();
    }
  }
}
