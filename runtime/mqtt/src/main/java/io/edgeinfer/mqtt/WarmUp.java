package io.edgeinfer.mqtt;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One prediction on zeros before the first message: TensorFlow's first run of a graph takes
 * hundreds of milliseconds, which should not land on a user's first request.
 */
final class WarmUp {
  private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

  private WarmUp() {}

  static void run(Predictor predictor, Signature signature) {
    Map<String, Tensor> zeros = new LinkedHashMap<>();
    for (TensorSpec spec : signature.inputs()) {
      Shape shape = spec.shape();
      if (spec.dataType() == DataType.STRING || shape.isUnknownRank()) {
        return;
      }
      int[] dims = shape.dims();
      for (int i = 0; i < dims.length; i++) {
        if (dims[i] == Shape.UNKNOWN) {
          if (i > 0) {
            return; // Only the batch may be open: other sizes cannot be guessed.
          }
          dims[i] = 1;
        }
      }
      Shape concrete = Shape.of(dims);
      int bytes = Math.toIntExact(concrete.elementCount() * spec.dataType().byteSize());
      zeros.put(spec.name(), Tensor.of(spec.dataType(), concrete, ByteBuffer.allocate(bytes)));
    }
    try {
      predictor.predict(zeros);
    } catch (Exception e) {
      LOG.fine("warm-up skipped: " + e.getMessage());
    }
  }
}
