package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.mqtt.InboundMessage;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.Pipeline;
import io.edgeinfer.mqtt.PipelineSettings;
import io.edgeinfer.mqtt.Reply;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SavedModel with two signatures ({@code add}: a + b, {@code negate}: -x) loaded once in the
 * tensorflow engine and served by one pipeline: each request is answered by the signature it names.
 */
class AllSignaturesServedTest {
  @TempDir Path dir;

  private static String answer(Pipeline pipeline, LinkedBlockingQueue<Reply> replies, String json)
      throws InterruptedException {
    pipeline.offer(
        new InboundMessage(
            "in/t",
            json.getBytes(StandardCharsets.UTF_8),
            null,
            null,
            null,
            1,
            System.nanoTime(),
            () -> {}));
    Reply reply = replies.poll(30, TimeUnit.SECONDS);
    return new String(reply.messages().get(0).payload(), StandardCharsets.UTF_8);
  }

  @Test
  void eachRequestIsAnsweredByTheSignatureItNames() throws Exception {
    Path saved = TestSavedModels.addAndNegate(dir.resolve("add-negate"));
    LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    PipelineSettings settings =
        new PipelineSettings(
            1,
            8,
            0,
            100,
            1 << 20,
            false,
            TopicTemplate.parse("{topic}/prediction"),
            TopicTemplate.parse("{topic}/error"),
            1,
            new PayloadFormats(null));
    try (Model model = Engines.load(saved, "tensorflow", LoadOptions.DEFAULTS);
        Pipeline pipeline =
            new Pipeline(
                model,
                model.predictor("add").signature(),
                new ModelInfo("add-negate", "1", "tensorflow", List.of()),
                settings,
                replies::add,
                new Metrics())) {
      String negated =
          answer(pipeline, replies, "{\"signature_name\": \"negate\", \"instances\": [[1, 2, 3]]}");
      assertTrue(negated.contains("[-1.0,-2.0,-3.0]"), negated);
      String added = answer(pipeline, replies, "{\"inputs\": {\"a\": [1, 2], \"b\": [10, 20]}}");
      assertTrue(added.contains("[11.0,22.0]"), added);
    }
  }
}
