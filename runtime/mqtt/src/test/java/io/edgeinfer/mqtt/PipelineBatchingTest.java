package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the pipeline's worker forms batches, seen through the batch sizes the model is given. */
class PipelineBatchingTest {
  private static final ModelInfo INFO = new ModelInfo("sum", "1", "java", List.of());

  private final SumModel model = new SumModel();
  private final LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

  @Test
  void whatQueuedWhileABatchRanIsTheNextBatch() throws Exception {
    HeldSink sink = new HeldSink();
    try (Pipeline pipeline = pipeline(32, 0, sink)) {
      assertTrue(pipeline.offer(message(0)));
      sink.awaitHeld();
      // The worker is busy with message 0; these queue up behind it.
      for (int i = 1; i <= 20; i++) {
        assertTrue(pipeline.offer(message(i)));
      }
      sink.release();
      for (int i = 0; i <= 20; i++) {
        Reply reply = replies.poll(10, TimeUnit.SECONDS);
        String payload = new String(reply.messages().get(0).payload(), StandardCharsets.UTF_8);
        assertTrue(payload.startsWith("{\"id\":\"" + i + "\""), payload);
        assertTrue(payload.contains("\"sum\":" + (float) i), payload);
      }
    }
    // The warm-up row, message 0 alone, then the 20 that waited, in one call.
    assertEquals(List.of(1, 1, 20), model.batchSizes);
  }

  @Test
  void aMaxBatchOfOneNeverJoins() throws Exception {
    HeldSink sink = new HeldSink();
    try (Pipeline pipeline = pipeline(1, 0, sink)) {
      pipeline.offer(message(0));
      sink.awaitHeld();
      pipeline.offer(message(1));
      pipeline.offer(message(2));
      sink.release();
      for (int i = 0; i < 3; i++) {
        assertTrue(replies.poll(10, TimeUnit.SECONDS) != null);
      }
    }
    assertEquals(List.of(1, 1, 1, 1), model.batchSizes);
  }

  @Test
  void aMessageThatCameAloneIsNotHeldForCompanions() throws Exception {
    try (Pipeline pipeline = pipeline(8, 60_000, replies::add)) {
      pipeline.offer(message(0));
      // A minute's max-wait, yet the reply comes at once: nothing else was waiting.
      assertTrue(replies.poll(10, TimeUnit.SECONDS) != null);
    }
    assertEquals(List.of(1, 1), model.batchSizes);
  }

  @Test
  void messagesThatCameTogetherWaitForMore() throws Exception {
    Metrics metrics = new Metrics();
    HeldSink sink = new HeldSink();
    try (Pipeline pipeline =
        new Pipeline(model, SumModel.SIGNATURE, INFO, settings(3, 60_000), sink, metrics)) {
      pipeline.offer(message(0));
      sink.awaitHeld();
      pipeline.offer(message(1));
      pipeline.offer(message(2));
      sink.release();
      // Both taken together; the worker now waits for a third to fill the batch of 3.
      while (metrics.snapshot().queueDepth() > 0) {
        Thread.sleep(1);
      }
      pipeline.offer(message(3));
      for (int i = 0; i < 4; i++) {
        assertTrue(replies.poll(10, TimeUnit.SECONDS) != null);
      }
    }
    assertEquals(List.of(1, 1, 3), model.batchSizes);
  }

  /**
   * Keeps the worker busy: it holds the first reply (and so the worker thread delivering it) until
   * released, so that messages offered meanwhile queue up behind it.
   */
  private final class HeldSink implements ReplySink {
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void deliver(Reply reply) {
      if (held.getCount() > 0) {
        held.countDown();
        await(released);
      }
      replies.add(reply);
    }

    void awaitHeld() throws InterruptedException {
      assertTrue(held.await(10, TimeUnit.SECONDS), "the worker never delivered a reply");
    }

    void release() {
      released.countDown();
    }
  }

  private Pipeline pipeline(int maxBatch, int maxWaitMillis, ReplySink sink) throws Exception {
    return new Pipeline(
        model, SumModel.SIGNATURE, INFO, settings(maxBatch, maxWaitMillis), sink, new Metrics());
  }

  private static PipelineSettings settings(int maxBatch, int maxWaitMillis) {
    return SumServices.settings(maxBatch, maxWaitMillis);
  }

  private static InboundMessage message(int i) {
    byte[] payload =
        ("{\"id\": \"" + i + "\", \"instances\": [[" + i + ", 0, 0]]}")
            .getBytes(StandardCharsets.UTF_8);
    return new InboundMessage("in/t", payload, null, null, null, 1, System.nanoTime(), () -> {});
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
