package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Published models, run on seeded inputs in the lite engine and in TensorFlow Lite Micro's
 * reference kernels: integer outputs bit for bit.
 */
class ZooOracleTest {
  @Test
  void pyTorchMadeInt8MobileNetV2MatchesTheOracleBitForBit() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path model = Zoo.file("mobilenet_v2_quantized_1x3x224x224.tflite");
    assertEquals(2 * 1000, OracleRuns.compare(oracle, model, 2, 12));
  }

  @Test
  void helloWorldInt8MatchesTheOracleBitForBit() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path model = root.resolve("models/tflite/hello_world_int8.tflite");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.exists(model), "skipped: " + model + " is absent");
    assertEquals(64, OracleRuns.compare(oracle, model, 64, 7));
  }
}
