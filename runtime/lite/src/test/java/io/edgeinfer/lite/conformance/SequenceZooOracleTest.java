package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Published sequence models against TensorFlow Lite Micro's reference kernels, fed a stream of
 * seeded inputs with the LSTM state carried from one inference to the next in both runtimes.
 */
class SequenceZooOracleTest {
  @Test
  void float32MnistLstmMatchesTheOracleOverAStream() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path model = Zoo.file("trained_lstm.tflite");
    // 3 sequences of 28 rows in a row, 10 softmax scores each (float32 bytes).
    assertEquals(3 * 10 * 4, OracleRuns.compareStreaming(oracle, model, 3, 28));
  }

  @Test
  void int8KeywordSpottingLstmMatchesTheOracleBitForBit() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path model = Zoo.file("micro_speech_lstm.tflite");
    // 4 spectrograms of 49 frames in a row, state carried: 3 int8 scores each.
    assertEquals(4 * 3, OracleRuns.compareStreaming(oracle, model, 4, 49));
  }

  @Test
  void int8NoiseSuppressionLstmsMatchTheOracleBitForBit() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    Path model = Zoo.file("dtln_noise_suppression.tflite");
    // 20 frames fed one at a time through two stacked LSTMs, state carried: 257 int8 each.
    assertEquals(20 * 257, OracleRuns.compareStreaming(oracle, model, 20, 257));
  }
}
