package io.edgeinfer.quantize;

import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.quantize.convert.LiteGraph;
import io.edgeinfer.quantize.convert.Value;
import io.edgeinfer.quantize.quant.ModelEmitter;
import io.edgeinfer.quantize.quant.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the float32 conversion on the calibration samples in the lite engine, every activation
 * exposed as an output, and records each one's range: min/max, or the given percentile of the
 * absolute values' spread (which ignores rare outliers that would waste int8 resolution).
 */
final class Calibrator {
  private static final int BATCH = 32;

  private Calibrator() {}

  /**
   * @param percentile 100 for min/max; below 100, the range keeps that share of the values
   */
  static Map<Integer, Range> ranges(
      LiteGraph graph, SampleData samples, double percentile, QuantizeProgress progress)
      throws ModelException, IOException {
    Path file = Files.createTempFile("edgeinfer-calibration", ".tflite");
    try {
      TfliteWriter.write(ModelEmitter.calibration(graph), file);
      Map<Integer, float[]> seen = new HashMap<>();
      try (Model model = new LiteEngine().load(file, LoadOptions.DEFAULTS);
          Predictor predictor = model.predictor(graph.signature())) {
        String input = graph.inputs().keySet().iterator().next();
        for (int from = 0; from < samples.size(); from += BATCH) {
          int to = Math.min(samples.size(), from + BATCH);
          Map<String, Tensor> outputs = predictor.predict(Map.of(input, samples.batch(from, to)));
          for (Value value : graph.values()) {
            if (!value.isConstant() && value.isFloat()) {
              float[] values = outputs.get(ModelEmitter.calibrationName(value.id())).toFloatArray();
              if (percentile >= 100) {
                // Only the extremes matter: keep two numbers, not every value.
                Range r = range(values, 100);
                values = new float[] {r.min(), r.max()};
              }
              seen.merge(value.id(), values, Calibrator::concat);
            }
          }
          progress.update("calibrating", to, samples.size());
        }
      }
      Map<Integer, Range> ranges = new HashMap<>();
      seen.forEach((id, values) -> ranges.put(id, range(values, percentile)));
      return ranges;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static float[] concat(float[] a, float[] b) {
    float[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  static Range range(float[] values, double percentile) {
    if (percentile >= 100) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      return new Range(min, max);
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double tail = (100 - percentile) / 200;
    int lo = (int) Math.floor(tail * (sorted.length - 1));
    int hi = (int) Math.ceil((1 - tail) * (sorted.length - 1));
    return new Range(sorted[lo], sorted[hi]);
  }
}
