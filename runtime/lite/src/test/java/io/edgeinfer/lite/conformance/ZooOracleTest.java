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

  /** Google Coral's TF2 post-training-quantized MobileNet v2 (uint8 in, int8 inside). */
  @Test
  void coralsTf2MobileNetV2MatchesTheOracleBitForBit() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path model = Zoo.file("tf2_mobilenet_v2_1.0_224_ptq.tflite");
    assertEquals(2 * 1001, OracleRuns.compare(oracle, model, 2, 5));
  }

  /**
   * Google Coral's Keras MNIST LSTM (uint8 rows in, an integer LSTM, a uint8 softmax out),
   * streamed: its state carries from one call to the next, in TFLite as here.
   */
  @Test
  void coralsKerasLstmMatchesTheOracleStreaming() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path model = Zoo.file("keras_lstm_mnist_ptq.tflite");
    assertEquals(4 * 10, OracleRuns.compareStreaming(oracle, model, 4, 5));
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
