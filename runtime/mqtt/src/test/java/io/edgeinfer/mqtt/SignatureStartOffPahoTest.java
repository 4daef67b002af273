package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first request for another of the model's signatures starts that signature's pipeline, which
 * takes as long as loading a predictor and warming it up (seconds for a large TensorFlow model):
 * that happens on the intake's thread, never on Paho's callback thread. Requests behind it keep
 * their order and are answered once it has started.
 */
class SignatureStartOffPahoTest {
  @TempDir Path dir;

  /** {@link AllSignaturesTest.SumAndProduct} whose product predictor takes until released. */
  private static final class SlowToStart implements Model {
    private final Model model = new AllSignaturesTest.SumAndProduct();
    final CountDownLatch starting = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Path path() {
      return model.path();
    }

    @Override
    public String engine() {
      return model.engine();
    }

    @Override
    public List<Signature> signatures() {
      return model.signatures();
    }

    @Override
    public Map<String, String> metadata() {
      return model.metadata();
    }

    @Override
    public Predictor predictor(String name) throws ModelException {
      if (name.equals(AllSignaturesTest.PRODUCT.name())) {
        starting.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return model.predictor(name);
    }

    @Override
    public void close() {
      model.close();
    }
  }

  @Test
  @SuppressWarnings("try") // the service runs while the body looks on
  void aSignaturesPipelineStartsOffPahosCallbackThread() throws Exception {
    String prefix = "edgeinfer-test/" + UUID.randomUUID();
    String clientId = "edgeinfer-signature-" + UUID.randomUUID();
    ModelInfo info = new ModelInfo("sum-and-product", "1", "java", List.of());
    Metrics metrics = new Metrics();
    SlowToStart model = new SlowToStart();
    PipelineSettings settings = SumServices.settings(8, 0);
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"));
        TestClient client = new TestClient(broker.uri()).subscribe(prefix + "/in/+/prediction")) {
      BrokerSettings brokerSettings =
          SumServices.broker(broker.uri(), clientId, List.of(prefix + "/in/+"), prefix + "/status");
      try (MqttService service =
          SumServices.start(
              brokerSettings,
              dir.resolve("outbox"),
              info,
              metrics,
              sink -> new Pipeline(model, SumModel.SIGNATURE, info, settings, sink, metrics))) {
        List<String> waiting = new ArrayList<>();
        try {
          client.publish(
              prefix + "/in/a",
              "{\"id\": \"p\", \"signature_name\": \"product\", \"instances\": [[2, 3, 4]]}");
          client.publish(prefix + "/in/a", "{\"id\": \"s\", \"instances\": [[2, 3, 4]]}");
          assertTrue(model.starting.await(10, TimeUnit.SECONDS), "the product pipeline starts");
          for (int sample = 0; sample < 20; sample++) {
            String stack = PahoThreads.callbackWaitingInEdgeinfer(clientId);
            if (stack != null) {
              waiting.add(stack);
            }
            Thread.sleep(25);
          }
        } finally {
          model.release.countDown();
        }
        assertEquals(List.of(), waiting, "Paho's callback thread waited in edgeinfer's code");
        // Two pipelines now, so the two replies may come in either order.
        String replies = "";
        for (int i = 0; i < 2; i++) {
          TestClient.Received reply = client.next(10);
          assertNotNull(reply, "answered: " + replies);
          replies += reply.payload() + "\n";
        }
        assertTrue(replies.contains("\"id\":\"p\""), replies);
        assertTrue(replies.contains("24.0"), replies);
        assertTrue(replies.contains("\"id\":\"s\""), replies);
        assertTrue(replies.contains("9.0"), replies);
        assertEquals(0, metrics.refused.get());
      }
    }
  }
}
