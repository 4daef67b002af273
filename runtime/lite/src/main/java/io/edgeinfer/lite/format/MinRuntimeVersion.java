package io.edgeinfer.lite.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The oldest TensorFlow Lite release that runs every (operator, version) of a model, as TFLite's
 * converter records it in the {@code min_runtime_version} metadata entry: the releases that added
 * each version, for the operators edgeinfer writes.
 */
public final class MinRuntimeVersion {
  /** The metadata entry's name. */
  public static final String NAME = "min_runtime_version";

  private static final Map<BuiltinOperator, String[]> SINCE =
      Map.ofEntries(
          Map.entry(BuiltinOperator.ADD, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.SUB, new String[] {"1.6.0", "1.14.0"}),
          Map.entry(BuiltinOperator.MUL, new String[] {"1.5.0", "1.14.0", "1.15.0"}),
          Map.entry(
              BuiltinOperator.FULLY_CONNECTED,
              new String[] {"1.5.0", "1.10.0", "1.14.0", "1.14.0"}),
          Map.entry(
              BuiltinOperator.CONV_2D,
              new String[] {"1.5.0", "1.14.0", "1.14.0", "2.3.0", "2.4.0"}),
          Map.entry(
              BuiltinOperator.DEPTHWISE_CONV_2D,
              new String[] {"1.5.0", "1.12.0", "1.14.0", "2.2.0", "2.3.0", "2.3.0"}),
          Map.entry(BuiltinOperator.AVERAGE_POOL_2D, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.MAX_POOL_2D, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.MEAN, new String[] {"1.6.0", "1.14.0"}),
          Map.entry(BuiltinOperator.SUM, new String[] {"1.10.0", "1.15.0"}),
          Map.entry(BuiltinOperator.REDUCE_MAX, new String[] {"1.11.0", "1.14.0"}),
          Map.entry(BuiltinOperator.REDUCE_MIN, new String[] {"1.11.0", "1.14.0"}),
          Map.entry(BuiltinOperator.MAXIMUM, new String[] {"1.14.0", "1.14.0"}),
          Map.entry(BuiltinOperator.MINIMUM, new String[] {"1.14.0", "1.14.0"}),
          Map.entry(BuiltinOperator.RESIZE_BILINEAR, new String[] {"1.7.0", "1.14.0"}),
          Map.entry(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, new String[] {"1.13.1", "1.14.0"}),
          Map.entry(BuiltinOperator.RELU, new String[] {"1.5.0", "2.1.0"}),
          Map.entry(BuiltinOperator.RELU6, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.LOGISTIC, new String[] {"1.14.0", "1.14.0"}),
          Map.entry(BuiltinOperator.TANH, new String[] {"1.14.0", "1.14.0"}),
          Map.entry(BuiltinOperator.SOFTMAX, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.LEAKY_RELU, new String[] {"1.13.1"}),
          Map.entry(BuiltinOperator.RESHAPE, new String[] {"1.5.0"}),
          Map.entry(BuiltinOperator.CONCATENATION, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.PAD, new String[] {"1.5.0", "1.14.0"}),
          Map.entry(BuiltinOperator.ARG_MAX, new String[] {"1.9.0", "1.14.0"}),
          Map.entry(BuiltinOperator.QUANTIZE, new String[] {"1.14.0"}),
          Map.entry(BuiltinOperator.DEQUANTIZE, new String[] {"1.13.1", "1.14.0", "1.15.0"}));

  private MinRuntimeVersion() {}

  /** The release, or empty when an operator code is one this table does not know. */
  public static Optional<String> of(List<LiteOpCode> codes) {
    String oldest = "1.5.0";
    for (LiteOpCode code : codes) {
      String[] since = code.builtin().map(SINCE::get).orElse(null);
      if (since == null || code.version() < 1 || code.version() > since.length) {
        return Optional.empty();
      }
      String needed = since[code.version() - 1];
      oldest = compare(needed, oldest) > 0 ? needed : oldest;
    }
    return Optional.of(oldest);
  }

  /** The model with the entry set (16 bytes, NUL-padded, as the converter writes it), if known. */
  public static LiteModel attach(LiteModel model) {
    Optional<String> version = of(model.operatorCodes());
    if (version.isEmpty()) {
      return model;
    }
    byte[] text = version.get().getBytes(StandardCharsets.US_ASCII);
    byte[] padded = new byte[Math.max(16, text.length)];
    System.arraycopy(text, 0, padded, 0, text.length);
    return model.withMetadata(NAME, LiteBuffer.of(padded));
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
