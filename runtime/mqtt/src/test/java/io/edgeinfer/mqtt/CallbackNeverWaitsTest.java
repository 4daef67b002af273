package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the replies' way out stalled (a disk that does not return from its fsync, here a sink that
 * does not return) and the queue full, Paho's callback thread never waits in edgeinfer's code: it
 * hands a message over and returns. What holds the broker back is the receiving thread, waiting in
 * the socket's read at the {@link ReadGate}. Once the stall ends, every request is answered, in
 * order.
 */
class CallbackNeverWaitsTest {
  private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

  @TempDir Path dir;

  @Test
  @SuppressWarnings("try") // the service runs while the body looks on
  void pahosCallbackThreadReturnsWhileTheDiskStalls() throws Exception {
    int requests = 300;
    String prefix = "edgeinfer-test/" + UUID.randomUUID();
    String clientId = "edgeinfer-stall-" + UUID.randomUUID();
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
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of());
    Metrics metrics = new Metrics();
    CountDownLatch stall = new CountDownLatch(1);
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"));
        TestClient client = new TestClient(broker.uri()).subscribe(prefix + "/in/+/prediction");
        BurstPublisher load = new BurstPublisher(broker.uri())) {
      BrokerSettings brokerSettings =
          SumServices.broker(broker.uri(), clientId, List.of(prefix + "/in/+"), prefix + "/status");
      try (MqttService service =
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
                      metrics))) {
        try {
          load.send(prefix + "/in/a", requests, 0);
          // The queue (8) fills and stops taking: wait until nothing more gets in.
          long deadline = System.nanoTime() + 15_000_000_000L;
          long received;
          do {
            received = metrics.received.get();
            Thread.sleep(300);
          } while ((received < 8 || metrics.received.get() != received)
              && System.nanoTime() < deadline);
          assertTrue(received < requests, "held back: " + received);

          List<String> waiting = new ArrayList<>();
          for (int sample = 0; sample < 40; sample++) {
            String stack = PahoThreads.callbackWaitingInEdgeinfer(clientId);
            if (stack != null) {
              waiting.add(stack);
            }
            Thread.sleep(25);
          }
          assertEquals(List.of(), waiting, "Paho's callback thread waited in edgeinfer's code");

          // What holds the broker back instead: the intake held its 32, and the gate shut.
          while (!PahoThreads.receiverWaitsIn(clientId, "ReadGate")
              && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          assertTrue(
              PahoThreads.receiverWaitsIn(clientId, "ReadGate"),
              "the receiving thread is held at the gate: " + PahoThreads.receiverStack(clientId));
        } finally {
          stall.countDown(); // before the service closes: it drains what it holds
        }
        // One topic, one worker: held or not, the replies come in the order the requests went.
        List<Integer> order = new ArrayList<>();
        while (order.size() < requests) {
          TestClient.Received reply = client.next(20);
          assertNotNull(reply, "answered " + order.size() + " of " + requests);
          Matcher id = ID.matcher(reply.payload());
          assertTrue(id.find(), reply.payload());
          order.add(Integer.parseInt(id.group(1)));
        }
        assertEquals(IntStream.range(0, requests).boxed().toList(), order);
        assertEquals(0, metrics.refused.get(), "nothing was given back");
        assertEquals(0, metrics.errors.get());
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
