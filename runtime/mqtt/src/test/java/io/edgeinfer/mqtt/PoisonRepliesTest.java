package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.publish.Publish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * F2: a message whose reply cannot be published where it asks (a response topic with wildcards, a
 * watched file named {@code a#b+c.json}, a template the topic does not fit) is answered with an
 * error, and the one worker goes on to answer the next message.
 */
class PoisonRepliesTest {
  private static final ModelInfo INFO = new ModelInfo("sum", "1", "java", List.of());
  private final LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final AtomicInteger acknowledged = new AtomicInteger();

  @Test
  void aResponseTopicWithWildcardsGetsAnErrorOnTheErrorTopic() throws Exception {
    try (Pipeline pipeline = pipeline(SumServices.settings(8, 0))) {
      pipeline.offer(message("in/a", "replies/#/x"));
      Reply reply = next();
      assertTrue(reply.error());
      assertEquals(1, reply.messages().size(), "only the error topic: the response topic is bad");
      assertEquals("in/a/error", reply.messages().get(0).topic());
      assertEquals(
          "{\"error\":\"response topic: expected a topic name without wildcards ('+', '#'),"
              + " found 'replies/#/x'\",\"topic\":\"in/a\",\"model\":\"sum\"}",
          text(reply.messages().get(0)));
      assertAnswersTheNextMessage(pipeline);
      assertEquals(2, acknowledged.get());
    }
  }

  @Test
  void aResponseTopicOfTooManyLevelsOrWithANewlineIsRefused() throws Exception {
    try (Pipeline pipeline = pipeline(SumServices.settings(8, 0))) {
      pipeline.offer(message("in/a", "r" + "/r".repeat(249)));
      assertTrue(
          text(next().messages().get(0))
              .contains("expected a topic name of at most 200 levels, found 250"));
      pipeline.offer(message("in/a", "replies/a\nb"));
      assertTrue(
          text(next().messages().get(0))
              .contains("without control characters, found U+000A at character 9"));
      assertAnswersTheNextMessage(pipeline);
    }
  }

  @Test
  void aFileNamedWithWildcardsIsAnsweredButNotPublished() throws Exception {
    try (Pipeline pipeline = pipeline(SumServices.settings(8, 0))) {
      pipeline.offer(message("file/a#b+c.json", null));
      Reply reply = next();
      assertFalse(reply.error());
      assertTrue(reply.messages().isEmpty(), "no topic to publish on");
      assertTrue(
          new String(reply.payload(), StandardCharsets.UTF_8).contains("\"sum\":6.0"),
          new String(reply.payload(), StandardCharsets.UTF_8));
      assertAnswersTheNextMessage(pipeline);
    }
  }

  @Test
  void anOutputTemplateTheTopicDoesNotFitIsAnErrorNotADeadWorker() throws Exception {
    PipelineSettings base = SumServices.settings(8, 0);
    PipelineSettings settings =
        new PipelineSettings(
            1,
            8,
            0,
            1000,
            1 << 20,
            false,
            TopicTemplate.parse("out/{3}"),
            TopicTemplate.parse("errors"),
            1,
            base.formats());
    try (Pipeline pipeline = pipeline(settings)) {
      pipeline.offer(message("in", null));
      Reply reply = next();
      assertTrue(reply.messages().isEmpty(), "no output topic, and the prediction is logged");
      pipeline.offer(message("in/a/b", null));
      assertEquals("out/b", next().messages().get(0).topic());
    }
  }

  @Test
  void aSinkThatThrowsLosesNothingElse() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ReplySink throwsOnce =
        reply -> {
          if (calls.getAndIncrement() == 0) {
            throw new IllegalStateException("boom");
          }
          take(reply);
        };
    Metrics metrics = new Metrics();
    try (Pipeline pipeline =
        new Pipeline(
            new SumModel(),
            SumModel.SIGNATURE,
            INFO,
            SumServices.settings(8, 0),
            throwsOnce,
            metrics)) {
      pipeline.offer(message("in/a", null));
      assertAnswersTheNextMessage(pipeline);
      assertEquals(2, acknowledged.get(), "the lost reply's request is let go, not wedged");
      assertEquals(1, metrics.snapshot().failures());
    }
  }

  @Test
  void aRequestThatFailsToDecodeStillHasItsIdInTheError() throws Exception {
    try (Pipeline pipeline = pipeline(SumServices.settings(8, 0))) {
      byte[] payload =
          "{\"id\": \"r7\", \"instances\": [[\"a\", 2, 3]]}".getBytes(StandardCharsets.UTF_8);
      pipeline.offer(
          new InboundMessage("in/a", payload, null, null, null, 1, System.nanoTime(), () -> {}));
      String error = text(next().messages().get(0));
      assertTrue(error.contains("\"id\":\"r7\""), error);
      assertTrue(error.contains("expected a float32 number, found a string"), error);
    }
  }

  private void assertAnswersTheNextMessage(Pipeline pipeline) throws InterruptedException {
    assertTrue(pipeline.offer(message("in/b", null)));
    Reply reply = next();
    assertFalse(reply.error(), text(reply.messages().get(0)));
    assertEquals("in/b/prediction", reply.messages().get(0).topic());
  }

  /** As the publisher does: the request is acknowledged once its reply is handed over. */
  private void take(Reply reply) {
    reply.source().acknowledge().run();
    replies.add(reply);
  }

  private Reply next() throws InterruptedException {
    Reply reply = replies.poll(10, TimeUnit.SECONDS);
    assertNotNull(reply, "the worker answered");
    return reply;
  }

  private Pipeline pipeline(PipelineSettings settings) throws Exception {
    return new Pipeline(
        new SumModel(), SumModel.SIGNATURE, INFO, settings, this::take, new Metrics());
  }

  private InboundMessage message(String topic, String responseTopic) {
    byte[] payload = "{\"instances\": [[1, 2, 3]]}".getBytes(StandardCharsets.UTF_8);
    return new InboundMessage(
        topic,
        payload,
        null,
        responseTopic,
        null,
        1,
        System.nanoTime(),
        acknowledged::incrementAndGet);
  }

  private static String text(Publish message) {
    return new String(message.payload(), StandardCharsets.UTF_8);
  }
}
