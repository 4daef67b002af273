package io.edgeinfer.train.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;

/** Number formatting shared by the reports. */
final class Numbers {
  private Numbers() {}

  /** Four decimals, or scientific notation when that would hide the value; "n/a" for NaN. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    boolean plain = value == 0 || (magnitude >= 1e-3 && magnitude < 1e7);
    return String.format(Locale.ROOT, plain ? "%.4f" : "%.4e", value);
  }

  /** JSON has no NaN or infinity: those are written as null. */
  static void writeNumber(JsonGenerator json, String field, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumberField(field, value);
    } else {
      json.writeNullField(field);
    }
  }
}
