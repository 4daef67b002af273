package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Model;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replies echo the request's id with its JSON type, in predictions and errors alike, and name the
 * model's own version, with edgeinfer's under its own key.
 */
class ReplyIdsAndVersionsTest {
  private final LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

  private String answer(Pipeline pipeline, String payload) throws Exception {
    pipeline.offer(
        new InboundMessage(
            "in/t",
            payload.getBytes(StandardCharsets.UTF_8),
            null,
            null,
            null,
            1,
            System.nanoTime(),
            () -> {}));
    Reply reply = replies.poll(10, TimeUnit.SECONDS);
    return new String(reply.payload(), StandardCharsets.UTF_8);
  }

  @Test
  void idsKeepTheirJsonType() throws Exception {
    ModelInfo info = new ModelInfo("sum", "3", "java", List.of());
    try (Pipeline pipeline =
        new Pipeline(
            new SumModel(),
            SumModel.SIGNATURE,
            info,
            SumServices.settings(1, 0),
            replies::add,
            new Metrics())) {
      String number = answer(pipeline, "{\"id\": 42, \"instances\": [[1, 2, 3]]}");
      assertTrue(
          number.startsWith(
              "{\"id\":42,\"topic\":\"in/t\",\"model\":\"sum\",\"model_version\":\"3\","
                  + "\"edgeinfer_version\":\"dev\",\"predictions\":[{\"sum\":6.0,"),
          number);

      String text = answer(pipeline, "{\"id\": \"42\", \"instances\": [[1, 2, 3]]}");
      assertTrue(text.startsWith("{\"id\":\"42\",\"topic\""), text);

      String exponent = answer(pipeline, "{\"instances\": [[1, 2, 3]], \"id\": 1.5e3}");
      assertTrue(exponent.startsWith("{\"id\":1.5e3,\"topic\""), exponent);

      // A request that fails to decode still has its id, as a number.
      String error = answer(pipeline, "{\"id\": 7, \"instances\": [[1, 2]]}");
      assertTrue(error.startsWith("{\"error\":\"") && error.contains(",\"id\":7,"), error);
      // An id of the wrong type makes the request invalid: answered without one.
      String noId = answer(pipeline, "{\"id\": [1], \"instances\": [[1, 2, 3]]}");
      assertTrue(noId.startsWith("{\"error\":\"") && !noId.contains("\"id\""), noId);
    }
  }

  @Test
  void theModelsVersionIsItsOwn() throws Exception {
    assertEquals(
        "2.1", ModelInfo.versionOf(withMetadata("m.tflite", "tflite_metadata.version", "2.1")));
    assertEquals("4", ModelInfo.versionOf(withMetadata("models/digits/4", "format", "SavedModel")));
    assertNull(ModelInfo.versionOf(withMetadata("models/digits", "format", "SavedModel")));
    assertNull(ModelInfo.versionOf(new SumModel()));
    ModelInfo info = ModelInfo.of(withMetadata("models/digits/17", "format", "SavedModel"));
    assertEquals(new ModelInfo("17", "17", "java", List.of()), info);
  }

  /** A model at {@code path} with one metadata entry; never run. */
  private static Model withMetadata(String path, String key, String value) {
    return new Model() {
      @Override
      public Path path() {
        return Path.of(path);
      }

      @Override
      public String engine() {
        return "java";
      }

      @Override
      public List<io.edgeinfer.core.Signature> signatures() {
        return List.of(SumModel.SIGNATURE);
      }

      @Override
      public Map<String, String> metadata() {
        return Map.of(key, value);
      }

      @Override
      public io.edgeinfer.core.Predictor predictor(String signature) {
        throw new UnsupportedOperationException("never run");
      }

      @Override
      public void close() {}
    };
  }
}
