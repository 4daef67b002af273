package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.models.SpeedModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole networks give the same bits on 1 and on 2 or 3 threads (the plan splits large convolutions'
 * rows): Google's models of every quantization, and the project's own float MobileNet v2. Raw
 * outputs, compared byte for byte.
 */
class ThreadsZooTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mobilenet_v1_0.25_224_1_metadata_1.tflite",
        "mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite",
        "mobilenet_v2_quantized_1x3x224x224.tflite",
        "ssd_mobilenet_v1.tflite",
        "deeplabv3.tflite"
      })
  void zooModelGivesTheSameBitsOnTwoAndThreeThreads(String name) throws Exception {
    Path file = Zoo.file(name);
    compare(file, 2);
    compare(file, 3);
  }

  @ParameterizedTest
  @ValueSource(ints = {224, 96})
  void ownMobileNetV2GivesTheSameBitsOnTwoThreads(int size) throws Exception {
    Path file = dir.resolve("mobilenet_v2_" + size + ".tflite");
    TfliteWriter.write(SpeedModels.mobileNetV2(size), file);
    compare(file, 2);
  }

  private static void compare(Path file, int threads) throws Exception {
    LoadOptions one = LoadOptions.DEFAULTS.withRawOutputs(true);
    try (Model single = Engines.load(file, "lite", one);
        Model split = Engines.load(file, "lite", one.withThreads(threads, 1));
        Predictor p1 = single.predictor();
        Predictor pn = split.predictor()) {
      assertEquals(String.valueOf(threads), split.metadata().get("threads"));
      for (int run = 0; run < 2; run++) {
        Map<String, Tensor> inputs = randomInputs(p1, run);
        Map<String, Tensor> expected = p1.predict(inputs);
        Map<String, Tensor> actual = pn.predict(inputs);
        assertEquals(expected.keySet(), actual.keySet());
        for (String output : expected.keySet()) {
          // Tensor equality compares type, shape and bytes.
          assertEquals(
              expected.get(output),
              actual.get(output),
              file.getFileName() + " output " + output + " on " + threads + " threads");
        }
      }
    }
  }

  /** Uniform floats in [-1, 1), or random raw integers for quantized inputs. */
  private static Map<String, Tensor> randomInputs(Predictor predictor, int seed) {
    Random rnd = new Random(seed);
    Map<String, DataType> raw = predictor.rawInputTypes();
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : predictor.signature().inputs()) {
      int[] dims = spec.shape().dims();
      for (int i = 0; i < dims.length; i++) {
        dims[i] = Math.max(1, dims[i]);
      }
      int n = Math.toIntExact(Shape.of(dims).elementCount());
      DataType type = raw.getOrDefault(spec.name(), spec.dataType());
      if (type == DataType.FLOAT32) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          values[i] = 2 * rnd.nextFloat() - 1;
        }
        inputs.put(spec.name(), Tensor.ofFloats(values, dims));
      } else {
        byte[] values = new byte[n];
        rnd.nextBytes(values);
        inputs.put(spec.name(), Tensor.ofBytes(type, values, dims));
      }
    }
    return inputs;
  }
}
