package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.UnsupportedModelException;
import java.nio.file.Path;
import java.util.List;
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
  void int8LstmIsRefusedNamingTheMissingKernel() {
    Path model = Zoo.file("micro_speech_lstm.tflite");
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(model, LoadOptions.DEFAULTS));
    assertEquals(
        List.of("UNIDIRECTIONAL_SEQUENCE_LSTM (int8 (integer LSTM kernels are not written yet))"),
        e.unsupported());
  }
}
