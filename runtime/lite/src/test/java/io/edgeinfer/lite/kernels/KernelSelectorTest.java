package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KernelSelectorTest {
  @Test
  void picksTheFastestUnlessTold() {
    assertEquals("fast", KernelSelector.select(null).name());
    assertEquals("fast", KernelSelector.select("").name());
    assertEquals("fast", KernelSelector.select("fast").name());
    assertEquals("reference", KernelSelector.select("reference").name());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KernelSelector.select("vector"));
    assertEquals(
        "expected edgeinfer.lite.kernels to be fast or reference, found vector", e.getMessage());
  }

  @Test
  void choosesOnce() {
    assertSame(KernelSelector.kernels(), KernelSelector.kernels());
  }
}
