package io.edgeinfer.quantize;

import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.train.data.CsvOptions;
import io.edgeinfer.train.data.LabelColumn;
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
 * @param labelColumn the label's column in tables (CSV, 2-D NPY) of both data files, as train and
 *     evaluate read them: left out of the calibration samples; with {@link LabelColumn#LAST}, a
 *     calibration table exactly as wide as the input has no label column
 * @param csv how CSV files are read (header, delimiter; detected where null)
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
    Map<String, int[]> inputShapes,
    LabelColumn labelColumn,
    CsvOptions csv) {

  public QuantizeRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(labelColumn, "labelColumn");
    Objects.requireNonNull(csv, "csv");
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

  /** A request whose tables have their label last and whose CSV layout is detected. */
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
      Path out,
      Map<String, int[]> inputShapes) {
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
        inputShapes,
        LabelColumn.LAST,
        CsvOptions.DETECT);
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
