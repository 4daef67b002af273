package io.edgeinfer.core.codec;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.Arrays;

/**
 * Brings a decoded tensor to its spec's type, and to its spec's shape when the two differ only by
 * trailing dimensions of size 1: TF Serving's own half_plus_two example sends {@code [1.0, 2.0,
 * 5.0]} to an input declared {@code [-1, 1]}. Other shape mismatches are left for {@link
 * io.edgeinfer.core.InputValidator} to report.
 */
final class Conformer {
  private Conformer() {}

  static Tensor conform(Tensor tensor, TensorSpec spec) {
    Tensor typed = tensor.dataType() == spec.dataType() ? tensor : convert(tensor, spec);
    return reshaped(typed, spec.shape());
  }

  private static Tensor convert(Tensor tensor, TensorSpec spec) {
    if (tensor.dataType() == DataType.STRING || spec.dataType() == DataType.STRING) {
      throw new MalformedInputException(
          "input '"
              + spec.name()
              + "': expected "
              + spec.dataType().label()
              + " data, found "
              + tensor.dataType().label());
    }
    ElementBuffer buffer = new ElementBuffer(spec.dataType());
    boolean exact = !tensor.dataType().isFloatingPoint();
    for (int i = 0; i < tensor.size(); i++) {
      int index = i;
      if (exact) {
        buffer.addLong(tensor.getLong(i), problem -> elementError(spec, problem, index));
      } else {
        buffer.addDouble(tensor.getDouble(i), problem -> elementError(spec, problem, index));
      }
    }
    return buffer.toTensor(tensor.shape());
  }

  private static MalformedInputException elementError(TensorSpec spec, String problem, int index) {
    return new MalformedInputException(
        "input '" + spec.name() + "': " + problem + " at element " + index + " (row-major)");
  }

  private static Tensor reshaped(Tensor tensor, Shape declared) {
    if (declared.accepts(tensor.shape())) {
      return tensor;
    }
    int[] dims = tensor.shape().dims();
    int[] wanted = declared.dims();
    int common = Math.min(dims.length, wanted.length);
    int[] longer = dims.length > wanted.length ? dims : wanted;
    for (int i = common; i < longer.length; i++) {
      if (longer[i] != 1) {
        return tensor;
      }
    }
    Shape candidate = Shape.of(Arrays.copyOf(dims, wanted.length));
    if (wanted.length > dims.length) {
      // Arrays.copyOf pads with 0; the padding dimensions are 1.
      int[] padded = candidate.dims();
      Arrays.fill(padded, dims.length, padded.length, 1);
      candidate = Shape.of(padded);
    }
    return fitsBesidesBatch(declared, candidate) ? tensor.reshape(candidate) : tensor;
  }

  /**
   * Whether {@code candidate} fits the declared shape in every dimension after the first: a model
   * with a fixed batch (e.g. {@code [1]}) still takes larger batches, one declared batch at a time.
   */
  private static boolean fitsBesidesBatch(Shape declared, Shape candidate) {
    if (candidate.rank() == 0) {
      return declared.accepts(candidate);
    }
    int[] dims = declared.dims();
    dims[0] = Shape.UNKNOWN;
    return Shape.of(dims).accepts(candidate);
  }
}
