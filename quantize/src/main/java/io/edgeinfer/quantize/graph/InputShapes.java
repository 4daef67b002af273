package io.edgeinfer.quantize.graph;

import java.util.Arrays;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A shape the user gives for a signature input ({@code --input-shape x=1,28,28}), checked against
 * what the signature declares: any shape for an input of unknown rank, else the same rank with the
 * declared dimensions kept (only unknown ones may be fixed).
 */
final class InputShapes {
  private InputShapes() {}

  static TensorInfo apply(String signature, String input, TensorInfo info, int[] given)
      throws ConversionException {
    TensorShapeProto declared = info.getTensorShape();
    for (int d : given) {
      if (d < -1 || d == 0) {
        throw new ConversionException(
            "--input-shape "
                + input
                + "="
                + text(given)
                + ": expected dimensions >= 1 (or -1 for unknown), found "
                + d);
      }
    }
    if (!declared.getUnknownRank()) {
      int rank = declared.getDimCount();
      boolean fits = rank == given.length;
      for (int i = 0; fits && i < rank; i++) {
        long d = declared.getDim(i).getSize();
        fits = d == -1 || d == given[i];
      }
      if (!fits) {
        throw new ConversionException(
            "--input-shape "
                + input
                + "="
                + text(given)
                + " does not fit signature "
                + signature
                + "'s declared shape "
                + declaredText(declared)
                + ": expected the same rank, changing only unknown (-1) dimensions");
      }
    }
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int d : given) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return info.toBuilder().setTensorShape(shape).build();
  }

  private static String text(int[] dims) {
    return String.join(",", Arrays.stream(dims).mapToObj(Integer::toString).toList());
  }

  private static String declaredText(TensorShapeProto shape) {
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.getDim(i).getSize();
    }
    return Arrays.toString(dims);
  }
}
