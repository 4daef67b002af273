package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A request for a signature the model does not have is told so, not given a shape error. */
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
              "expected a signature of the model this service runs (default 'serving_default'),"
                  + " found a request for 'add', which the model does not have or which could not"
                  + " be started (see the service's log)"),
          text);
    }
  }
}
