package io.edgeinfer.mqtt;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Signatures;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model in plain Java with answers anyone can check: x float [-1, 3] → sum [-1] (the row's sum)
 * and probabilities [-1, 2] (1 for "positive" when the sum is > 0). It counts its calls and the
 * batch sizes it saw, so tests can see batching.
 */
public final class SumModel implements Model {
  public static final Signature SIGNATURE =
      new Signature(
          "serving_default",
          List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(-1, 3))),
          List.of(
              new TensorSpec("sum", DataType.FLOAT32, Shape.of(-1)),
              new TensorSpec("probabilities", DataType.FLOAT32, Shape.of(-1, 2))));

  final AtomicInteger calls = new AtomicInteger();
  final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());

  @Override
  public Path path() {
    return Path.of("sum-model");
  }

  @Override
  public String engine() {
    return "java";
  }

  @Override
  public List<Signature> signatures() {
    return List.of(SIGNATURE);
  }

  @Override
  public Map<String, String> metadata() {
    return Map.of();
  }

  @Override
  public Predictor predictor(String name) throws io.edgeinfer.core.ModelException {
    Signatures.pick(signatures(), name);
    return new Predictor() {
      @Override
      public Signature signature() {
        return SIGNATURE;
      }

      @Override
      public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
        InputValidator.validate(SIGNATURE, inputs);
        calls.incrementAndGet();
        Tensor x = inputs.get("x");
        int rows = x.shape().dim(0);
        batchSizes.add(rows);
        float[] values = x.toFloatArray();
        float[] sums = new float[rows];
        float[] probabilities = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
          sums[r] = values[3 * r] + values[3 * r + 1] + values[3 * r + 2];
          probabilities[2 * r + (sums[r] > 0 ? 1 : 0)] = 1f;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("sum", Tensor.ofFloats(sums, rows));
        out.put("probabilities", Tensor.ofFloats(probabilities, rows, 2));
        return out;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
