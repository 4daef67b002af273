package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * YAMNet (a waveform in, 521 AudioSet scores out; RFFT2D and COMPLEX_ABS, which TensorFlow Lite
 * Micro lacks) against TensorFlow Lite 2.6.2 itself on the same seeded sound: the same top class,
 * every score within TFLite 2.6.2's known int8 rounding differences.
 */
class AudioTensorFlowLiteTest {
  @Test
  void yamNetGivesTensorFlowLitesScores() throws Exception {
    TensorFlowLite.require();
    Path model = Zoo.file("yamnet_wavin_quantized_mel_relu6.tflite");
    Random random = new Random(521);
    float[] wave = new float[15600];
    for (int i = 0; i < wave.length; i++) {
      // A 440 Hz tone in noise, at 16 kHz.
      wave[i] =
          0.5f * (float) Math.sin(2 * Math.PI * 440 * i / 16000.0)
              + 0.1f * (float) random.nextGaussian();
    }
    ByteBuffer bytes = ByteBuffer.allocate(4 * wave.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(wave);
    float[] expected = floats(TensorFlowLite.run(model, bytes.array(), new int[] {15600})[0]);
    try (Model loaded = Engines.load(model, LoadOptions.DEFAULTS);
        Predictor p = loaded.predictor()) {
      Map<String, Tensor> out =
          p.predict(Map.of(p.signature().inputs().get(0).name(), Tensor.ofFloats(wave, 15600)));
      float[] actual = out.get(p.signature().outputNames().get(0)).toFloatArray();
      assertEquals(expected.length, actual.length);
      float worst = 0;
      for (int i = 0; i < actual.length; i++) {
        worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
      }
      // The scores are int8 steps of 1/256 dequantized; TFLite 2.6.2's optimized int8 convolutions
      // round some sums differently from its reference arithmetic (1 to 15 steps seen), which the
      // lite engine follows bit for bit. Measured: 6 steps at most.
      assertTrue(
          worst <= 15 / 256f, "scores up to " + worst * 256 + " steps from TensorFlow Lite's");
      assertEquals(argmax(expected), argmax(actual));
    }
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  private static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
