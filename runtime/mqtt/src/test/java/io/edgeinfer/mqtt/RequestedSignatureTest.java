package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A request for another signature than the service runs is told so, not given a shape error. */
class RequestedSignatureTest {
  @Test
  void aRequestForAnotherSignatureIsAnsweredWithWhichOneRuns() throws Exception {
    LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    try (Pipeline pipeline =
        new Pipeline(
            new SumModel(),
            SumModel.SIGNATURE,
            new ModelInfo("sum", "1", "java", List.of()),
            SumServices.settings(8, 0),
            replies::add,
            new Metrics())) {
      // Inputs of another signature: read as serving_default's x they were a shape error.
      byte[] payload =
          "{\"signature_name\": \"add\", \"inputs\": {\"a\": [1], \"b\": [2]}}"
              .getBytes(StandardCharsets.UTF_8);
      pipeline.offer(
          new InboundMessage("in/t", payload, null, null, null, 1, System.nanoTime(), () -> {}));
      Reply reply = replies.poll(10, TimeUnit.SECONDS);
      String text = new String(reply.messages().get(0).payload(), StandardCharsets.UTF_8);
      assertTrue(
          text.contains(
              "expected signature 'serving_default' (the one this service runs), found a request"
                  + " for 'add': send it to a service started with --signature add"),
          text);
    }
  }
}
