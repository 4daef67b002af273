package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A payload in the type a quantized model holds (an int8 NPY for an int8 input) reaches the
 * predictor as it is, as `predict` feeds it: the model's integers, not real values to quantize.
 */
class RawInputsTest {
  /** The sum model, with x also taken as raw int8; it remembers the type it was given. */
  private static final class RawSum implements Model {
    private final SumModel sums = new SumModel();
    volatile DataType given;

    @Override
    public Path path() {
      return sums.path();
    }

    @Override
    public String engine() {
      return sums.engine();
    }

    @Override
    public List<Signature> signatures() {
      return sums.signatures();
    }

    @Override
    public Map<String, String> metadata() {
      return Map.of();
    }

    @Override
    public Predictor predictor(String name) throws io.edgeinfer.core.ModelException {
      Predictor inner = sums.predictor(name);
      return new Predictor() {
        @Override
        public Signature signature() {
          return inner.signature();
        }

        @Override
        public Map<String, DataType> rawInputTypes() {
          return Map.of("x", DataType.INT8);
        }

        @Override
        public Map<String, Tensor> predict(Map<String, Tensor> inputs)
            throws io.edgeinfer.core.ModelException {
          Tensor x = inputs.get("x");
          given = x.dataType();
          return inner.predict(Map.of("x", Tensor.ofFloats(x.toFloatArray(), x.shape().dims())));
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }

  @Test
  void anInt8NpyPayloadReachesTheModelAsInt8() throws Exception {
    LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    RawSum model = new RawSum();
    try (Pipeline pipeline =
        new Pipeline(
            model,
            SumModel.SIGNATURE,
            new ModelInfo("sum", "1", "java", List.of()),
            SumServices.settings(8, 0),
            replies::add,
            new Metrics())) {
      byte[] npy = NpyCodec.write(Tensor.ofBytes(DataType.INT8, new byte[] {1, 2, -4}, 1, 3));
      pipeline.offer(
          new InboundMessage(
              "in/t", npy, "application/x-npy", null, null, 1, System.nanoTime(), () -> {}));
      Reply reply = replies.poll(10, TimeUnit.SECONDS);
      String text = new String(reply.messages().get(0).payload(), StandardCharsets.UTF_8);
      assertTrue(text.contains("\"sum\":-1.0"), text);
      assertEquals(DataType.INT8, model.given);
    }
  }
}
