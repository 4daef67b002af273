package io.edgeinfer.train.report;

import java.util.Locale;

/** Axis ticks at "nice" steps: 1, 2 or 5 times a power of ten. */
final class Ticks {
  private Ticks() {}

  /** The nice step that cuts {@code span} into about {@code count} parts. */
  static double step(double span, int count) {
    double raw = span / count;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  /** The multiples of {@code step} from {@code low} to {@code high}, both included. */
  static double[] within(double low, double high, double step) {
    long first = (long) Math.ceil(low / step - 1e-9);
    long last = (long) Math.floor(high / step + 1e-9);
    double[] ticks = new double[(int) Math.max(0, last - first + 1)];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = (first + i) * step;
    }
    return ticks;
  }

  /** A tick's label with as many decimals as the step needs, so 0.1 + 0.2 reads "0.3". */
  static String label(double value, double step) {
    int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
  }
}
