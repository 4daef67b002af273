package io.edgeinfer.quantize;

import io.edgeinfer.quantize.quant.Mode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to convert, and how.
 *
 * @param model a SavedModel directory
 * @param signature the signature to convert
 * @param calibrationData samples for int8 ranges and for the comparison with TensorFlow; may be
 *     null except in mode int8
 * @param calibrationSamples at most this many samples are used
 * @param percentile 100 for min/max ranges; e.g. 99.99 to clip outliers
 * @param perTensor one weight scale per tensor in convolutions too (FULLY_CONNECTED weights are
 *     always per tensor)
 * @param int8Io int8 model inputs and outputs (mode int8), instead of float with QUANTIZE and
 *     DEQUANTIZE at the edges
 * @param evalData labelled data for the accuracy before and after; may be null
 * @param maxAccuracyDrop the largest accuracy drop, in points, for which the file is written; may
 *     be null
 * @param out the .tflite file to write
 * @param inputShapes shapes for signature inputs by name (needed for inputs of unknown rank; they
 *     may fix unknown dimensions); empty for the declared ones
 */
public record QuantizeRequest(
    Path model,
    String signature,
    Mode mode,
    Path calibrationData,
    int calibrationSamples,
    double percentile,
    boolean perTensor,
    boolean int8Io,
    Path evalData,
    Double maxAccuracyDrop,
    Path out,
    Map<String, int[]> inputShapes) {

  public QuantizeRequest {
    Objects.requireNonNull(model, "model");
    inputShapes = Map.copyOf(inputShapes);
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(out, "out");
    if (calibrationSamples < 1) {
      throw new IllegalArgumentException(
          "expected --calibration-samples >= 1, found " + calibrationSamples);
    }
    if (!(percentile > 50 && percentile <= 100)) {
      throw new IllegalArgumentException(
          "expected a calibration percentile in (50, 100], found " + percentile);
    }
    if (mode.needsCalibration() && calibrationData == null) {
      throw new IllegalArgumentException(
          "expected --calibration-data for mode int8 (activation ranges come from real inputs),"
              + " found none");
    }
    if (maxAccuracyDrop != null && evalData == null) {
      throw new IllegalArgumentException(
          "expected --eval-data with --max-accuracy-drop (the drop is measured on it), found none");
    }
    if (int8Io && mode != Mode.INT8) {
      throw new IllegalArgumentException(
          "expected --int8-io only with mode int8, found mode " + mode.label());
    }
  }

  /** A request with the signature's declared input shapes. */
  public QuantizeRequest(
      Path model,
      String signature,
      Mode mode,
      Path calibrationData,
      int calibrationSamples,
      double percentile,
      boolean perTensor,
      boolean int8Io,
      Path evalData,
      Double maxAccuracyDrop,
      Path out) {
    this(
        model,
        signature,
        mode,
        calibrationData,
        calibrationSamples,
        percentile,
        perTensor,
        int8Io,
        evalData,
        maxAccuracyDrop,
        out,
        Map.of());
  }

  /** The request with the usual defaults: serving_default, 500 samples, min/max, per channel. */
  public static QuantizeRequest of(Path model, Mode mode, Path calibrationData, Path out) {
    return new QuantizeRequest(
        model, "serving_default", mode, calibrationData, 500, 100, false, false, null, null, out);
  }
}
