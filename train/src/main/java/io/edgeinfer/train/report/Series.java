package io.edgeinfer.train.report;

import java.awt.Color;

/** One line of a chart: y per epoch (NaN where not known), its legend name and style. */
record Series(String name, Color color, boolean dashed, int[] epochs, double[] values) {
  boolean hasData() {
    for (double value : values) {
      if (Double.isFinite(value)) {
        return true;
      }
    }
    return false;
  }
}
