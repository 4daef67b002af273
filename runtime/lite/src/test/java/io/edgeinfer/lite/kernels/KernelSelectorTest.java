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
        assertThrows(IllegalArgumentException.class, () -> KernelSelector.select("gpu"));
    assertEquals(
        "expected edgeinfer.lite.kernels to be vector, fast or reference, found gpu",
        e.getMessage());
  }

  @Test
  void vectorNeedsItsModuleAndTheIncubator() {
    // This module's tests run without --add-modules jdk.incubator.vector (lite-vector's add it).
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KernelSelector.select("vector"));
    assertEquals(
        "expected the edgeinfer-lite-vector module on the class path and the JVM option"
            + " --add-modules jdk.incubator.vector for edgeinfer.lite.kernels=vector, found no such"
            + " module",
        e.getMessage());
  }

  @Test
  void choosesOnce() {
    assertSame(KernelSelector.kernels(), KernelSelector.kernels());
  }
}
