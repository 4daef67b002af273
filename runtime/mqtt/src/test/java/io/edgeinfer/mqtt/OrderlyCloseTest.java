package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing in the reverse order of start, while replies are stuck on their way out: the pipeline
 * finishes what it holds once they can go, and when {@link MqttService#close} returns no thread of
 * the service is left that could publish, and its outbox is free for the next process. Every
 * request is answered once across this run and the next with the same client id: what was
 * acknowledged had its reply sent, what was not comes back from the broker.
 */
class OrderlyCloseTest {
  private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

  @TempDir Path dir;

  @Test
  @SuppressWarnings("try") // the service runs while the body looks on
  void closingDrainsLeavesNothingRunningAndLosesNothing() throws Exception {
    int requests = 200;
    String prefix = "edgeinfer-test/" + UUID.randomUUID();
    String clientId = "edgeinfer-close-" + UUID.randomUUID();
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of());
    PipelineSettings settings =
        new PipelineSettings(
            1,
            4,
            0,
            8,
            1 << 20,
            false,
            TopicTemplate.parse("{topic}/prediction"),
            TopicTemplate.parse("{topic}/error"),
            1,
            new PayloadFormats(null));
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"));
        TestClient client = new TestClient(broker.uri()).subscribe(prefix + "/in/+/prediction");
        BurstPublisher load = new BurstPublisher(broker.uri())) {
      BrokerSettings brokerSettings =
          SumServices.broker(broker.uri(), clientId, List.of(prefix + "/in/+"), prefix + "/status");
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      CountDownLatch stall = new CountDownLatch(1);
      Metrics metrics = new Metrics();
      MqttService first =
          SumServices.start(
              brokerSettings,
              dir.resolve("outbox"),
              info,
              metrics,
              sink ->
                  new Pipeline(
                      new SumModel(),
                      SumModel.SIGNATURE,
                      info,
                      settings,
                      reply -> {
                        awaitQuietly(stall);
                        sink.deliver(reply);
                      },
                      metrics));
      load.send(prefix + "/in/a", requests, 0);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (metrics.received.get() < 8 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
      Thread.sleep(300);
      assertFalse(closing.isDone(), "close waits for the replies in flight");
      stall.countDown();
      closing.get(30, TimeUnit.SECONDS);

      Set<String> left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.isAlive())
              .map(Thread::getName)
              .filter(name -> name.startsWith("edgeinfer-") || name.contains(clientId))
              .collect(Collectors.toSet());
      assertEquals(Set.of(), left, "threads of the closed service");

      BitSet answered = new BitSet(requests);
      int firstRun = collect(client, answered, 2);
      assertTrue(firstRun >= 8, "the queued requests were answered before close: " + firstRun);
      assertTrue(metrics.refused.get() > 0, "what was held went back to the broker");

      // The outbox's lock is free; the broker resends what was not acknowledged.
      try (MqttService second =
          MqttService.start(
              brokerSettings,
              info,
              new Metrics(),
              Outbox.open(dir.resolve("outbox"), 1000, 1 << 20),
              1000, // receive maximum: the broker may send far more than the queue holds
              sink ->
                  new Pipeline(
                      new SumModel(), SumModel.SIGNATURE, info, settings, sink, new Metrics()))) {
        deadline = System.nanoTime() + 30_000_000_000L;
        while (answered.cardinality() < requests && System.nanoTime() < deadline) {
          collect(client, answered, 1);
        }
      }
      assertEquals(requests, answered.cardinality(), "answered across both runs");
    }
  }

  /** Takes replies until none comes for {@code quietSeconds}; how many came. */
  private static int collect(TestClient client, BitSet answered, int quietSeconds)
      throws InterruptedException {
    int count = 0;
    TestClient.Received reply;
    while ((reply = client.next(quietSeconds)) != null) {
      Matcher id = ID.matcher(reply.payload());
      assertTrue(id.find(), reply.payload());
      answered.set(Integer.parseInt(id.group(1)));
      count++;
    }
    return count;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
