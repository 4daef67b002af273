package io.edgeinfer.train.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {
  @Test
  void niceSteps() {
    assertEquals(0.2, Ticks.step(1, 5), 1e-15);
    assertEquals(0.5, Ticks.step(2.2, 5), 1e-15);
    assertEquals(2, Ticks.step(9, 5), 1e-15);
    assertEquals(10, Ticks.step(45, 5), 1e-15);
  }

  @Test
  void ticksAndLabels() {
    assertArrayEquals(new double[] {0.2, 0.4, 0.6000000000000001}, Ticks.within(0.15, 0.6, 0.2));
    assertEquals("0.6", Ticks.label(0.6000000000000001, 0.2));
    assertEquals("0.05", Ticks.label(0.05, 0.05));
    assertEquals("12", Ticks.label(12, 2));
    assertEquals("0", Ticks.label(-0.0, 1));
  }
}
