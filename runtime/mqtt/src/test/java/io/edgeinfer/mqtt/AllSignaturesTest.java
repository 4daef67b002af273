package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One loaded model serves all its signatures: the payload's "signature_name" picks one. */
class AllSignaturesTest {
  static final Signature PRODUCT =
      new Signature(
          "product",
          List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(-1, 3))),
          List.of(new TensorSpec("product", DataType.FLOAT32, Shape.of(-1))));

  /** {@link SumModel} with a second signature: the product of the row. */
  static final class SumAndProduct implements Model {
    private final SumModel sum = new SumModel();

    @Override
    public Path path() {
      return Path.of("sum-and-product");
    }

    @Override
    public String engine() {
      return "java";
    }

    @Override
    public List<Signature> signatures() {
      return List.of(SumModel.SIGNATURE, PRODUCT);
    }

    @Override
    public Map<String, String> metadata() {
      return Map.of();
    }

    @Override
    public Predictor predictor(String name) throws ModelException {
      if (!name.equals(PRODUCT.name())) {
        return sum.predictor(name);
      }
      return new Predictor() {
        @Override
        public Signature signature() {
          return PRODUCT;
        }

        @Override
        public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
          InputValidator.validate(PRODUCT, inputs);
          float[] x = inputs.get("x").toFloatArray();
          float[] products = new float[x.length / 3];
          for (int r = 0; r < products.length; r++) {
            products[r] = x[3 * r] * x[3 * r + 1] * x[3 * r + 2];
          }
          return Map.of("product", Tensor.ofFloats(products, products.length));
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }

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
    Reply reply = replies.poll(10, TimeUnit.SECONDS);
    return new String(reply.messages().get(0).payload(), StandardCharsets.UTF_8);
  }

  @Test
  void thePayloadsSignatureNamePicksTheSignature() throws Exception {
    LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    try (Pipeline pipeline =
        new Pipeline(
            new SumAndProduct(),
            SumModel.SIGNATURE,
            new ModelInfo("sum-and-product", "1", "java", List.of()),
            SumServices.settings(8, 0),
            replies::add,
            new Metrics())) {
      String product =
          answer(
              pipeline,
              replies,
              "{\"signature_name\": \"product\", \"inputs\": {\"x\": [[2, 3, 4]]}}");
      assertTrue(product.contains("24.0"), product);
      String sum = answer(pipeline, replies, "{\"inputs\": {\"x\": [[2, 3, 4]]}}");
      assertTrue(sum.contains("9.0") && !sum.contains("24.0"), sum);
      String named =
          answer(
              pipeline,
              replies,
              "{\"signature_name\": \"serving_default\", \"inputs\": {\"x\": [[2, 3, 4]]}}");
      assertTrue(named.contains("9.0"), named);
      assertEquals(0, pipeline.queued());
    }
  }

  @Test
  void aSignatureTheModelDoesNotHaveIsRefusedInOneLine() throws Exception {
    LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    try (Pipeline pipeline =
        new Pipeline(
            new SumAndProduct(),
            SumModel.SIGNATURE,
            new ModelInfo("sum-and-product", "1", "java", List.of()),
            SumServices.settings(8, 0),
            replies::add,
            new Metrics())) {
      String text =
          answer(pipeline, replies, "{\"signature_name\": \"ratio\", \"inputs\": {\"x\": [[1]]}}");
      assertTrue(
          text.contains(
              "expected a signature of the model this service runs (default 'serving_default'),"
                  + " found a request for 'ratio', which the model does not have or which could"
                  + " not be started (see the service's log)"),
          text);
    }
  }
}
