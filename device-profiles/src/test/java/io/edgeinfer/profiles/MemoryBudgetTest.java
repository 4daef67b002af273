package io.edgeinfer.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.MemoryNeed;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static final long MB = 1L << 20;

  @Test
  void aModelLargerThanTheBudgetIsRefusedWithTheAdvice() {
    DeviceProfile zero = Profiles.builtIn("pi-zero-2w");
    MemoryNeed need = new MemoryNeed(150 * MB, 30 * MB + 1, 80 * MB, "test");
    ModelTooLargeException e =
        assertThrows(
            ModelTooLargeException.class, () -> MemoryBudget.check("big.tflite", need, zero));
    assertEquals(
        "big.tflite needs 261 MB, the profile pi-zero-2w allows 256 MB; try `edgeinfer quantize"
            + " --mode int8`",
        e.getMessage());
    assertEquals(need, e.need());
  }

  @Test
  void aModelExactlyAtTheBudgetFits() throws Exception {
    DeviceProfile zero = Profiles.builtIn("pi-zero-2w");
    MemoryBudget.check("m", new MemoryNeed(150 * MB, 26 * MB, 80 * MB, "test"), zero);
  }

  @Test
  void precisionThatFitsStartsAtThePreferredOneAndGoesDown() {
    DeviceProfile pi4 = Profiles.builtIn("pi-4-4gb"); // lite, float32, 2560 MB
    // 2 GB of float32 weights + 80 MB: float32 fits.
    assertEquals(
        Optional.of(Precision.FLOAT32),
        pi4.precisionThatFits(new MemoryNeed(2000 * MB, 100 * MB, 80 * MB, "t")));
    // 4 GB of float32 weights: only int8 (lite runs no float16 or dynamic-int8) fits.
    assertEquals(
        Optional.of(Precision.INT8),
        pi4.precisionThatFits(new MemoryNeed(4000 * MB, 100 * MB, 80 * MB, "t")));
    // 12 GB: nothing fits.
    assertEquals(
        Optional.empty(),
        pi4.precisionThatFits(new MemoryNeed(12000 * MB, 100 * MB, 80 * MB, "t")));
    // The Zero prefers int8 even for a model whose float32 form would fit.
    assertEquals(
        Optional.of(Precision.INT8),
        Profiles.builtIn("pi-zero-2w").precisionThatFits(new MemoryNeed(MB, MB, 80 * MB, "t")));
    // TensorFlow runs float16: 1 GB of weights on an 8 GB x86 box squeezed to 600 MB.
    DeviceProfile squeezed =
        Profiles.builtIn("small-x86").withResources("squeezed", 4, 8192, 600, 4);
    assertEquals(
        Optional.of(Precision.FLOAT16),
        squeezed.precisionThatFits(new MemoryNeed(500 * MB, 0, 300 * MB, "t")));
  }
}
