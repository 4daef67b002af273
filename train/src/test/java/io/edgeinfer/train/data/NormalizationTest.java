package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {
  /** Three features; the third is constant. */
  private static final float[][] TRAINING = {{1, 10, 5}, {3, 20, 5}, {5, 60, 5}};

  @Test
  void scaleMapsTheTrainingRangeToZeroOne() {
    Normalization scale = Normalization.fit(TRAINING, NormalizationMode.SCALE);
    assertEquals(NormalizationMode.SCALE, scale.mode());
    assertArrayEquals(new float[] {1, 10, 5}, scale.shift());
    assertArrayEquals(new float[] {0.25f, 0.02f, 1}, scale.multiplier());
    float[][] scaled = scale.apply(TRAINING);
    assertArrayEquals(new float[] {0, 0, 0}, scaled[0]);
    assertArrayEquals(new float[] {0.5f, 0.2f, 0}, scaled[1], 1e-7f);
    assertArrayEquals(new float[] {1, 1, 0}, scaled[2], 1e-7f);
    // Rows outside the training range go outside [0, 1]: the fit saw only the training rows.
    assertArrayEquals(
        new float[] {1.5f, -0.2f, 1}, scale.apply(new float[][] {{7, 0, 6}})[0], 1e-7f);
  }

  @Test
  void standardizeGivesZeroMeanAndUnitVariance() {
    Normalization standard = Normalization.fit(TRAINING, NormalizationMode.STANDARDIZE);
    // Means 3, 30, 5; population deviations sqrt(8/3) and sqrt(1400/3); the constant gets 1.
    assertArrayEquals(new float[] {3, 30, 5}, standard.shift());
    assertArrayEquals(
        new float[] {(float) (1 / Math.sqrt(8.0 / 3)), (float) (1 / Math.sqrt(1400.0 / 3)), 1},
        standard.multiplier());
    float[][] out = standard.apply(TRAINING);
    assertArrayEquals(new float[] {-1.2247449f, -0.9258201f, 0}, out[0], 1e-6f);
    assertArrayEquals(new float[] {0, -0.46291006f, 0}, out[1], 1e-6f);
    assertArrayEquals(new float[] {1.2247449f, 1.3887302f, 0}, out[2], 1e-6f);
  }

  @Test
  void noneLeavesFeaturesAlone() {
    Normalization none = Normalization.fit(TRAINING, NormalizationMode.NONE);
    assertArrayEquals(new float[] {0, 0, 0}, none.shift());
    assertArrayEquals(new float[] {1, 1, 1}, none.multiplier());
    assertArrayEquals(TRAINING[2], none.apply(TRAINING)[2]);
  }

  @Test
  void applyChecksTheWidthAndNeedsRowsToFit() {
    Normalization scale = Normalization.fit(TRAINING, NormalizationMode.SCALE);
    assertEquals(
        "expected 3 features like the training rows, found 2 at row 2",
        assertThrows(DataException.class, () -> scale.apply(new float[][] {{1, 2, 3}, {1, 2}}))
            .getMessage());
    assertEquals(
        "expected at least one training row to fit a normalization, found none",
        assertThrows(
                IllegalArgumentException.class,
                () -> Normalization.fit(new float[0][], NormalizationMode.SCALE))
            .getMessage());
  }

  @Test
  void parsesModes() {
    assertEquals(NormalizationMode.NONE, NormalizationMode.parse("none"));
    assertEquals(NormalizationMode.SCALE, NormalizationMode.parse("Scale"));
    assertEquals(NormalizationMode.STANDARDIZE, NormalizationMode.parse("STANDARDIZE"));
    assertEquals("standardize", NormalizationMode.STANDARDIZE.label());
    assertEquals(
        "expected a normalization of none, scale or standardize, found 'minmax'",
        assertThrows(IllegalArgumentException.class, () -> NormalizationMode.parse("minmax"))
            .getMessage());
  }
}
