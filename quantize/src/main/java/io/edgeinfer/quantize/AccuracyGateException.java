package io.edgeinfer.quantize;

import io.edgeinfer.core.ModelException;
import java.util.Locale;

/** The converted model lost more accuracy than allowed; nothing was written. */
public final class AccuracyGateException extends ModelException {
  private static final long serialVersionUID = 1L;
  private final transient QuantizeReport report;

  public AccuracyGateException(QuantizeReport report) {
    super(
        String.format(
            Locale.ROOT,
            "accuracy dropped by %.2f points (%.2f%% -> %.2f%%), more than the allowed %.2f;"
                + " %s was not written",
            report.accuracyDrop(),
            100 * report.accuracyBefore(),
            100 * report.accuracyAfter(),
            report.maxAccuracyDrop(),
            report.out()));
    this.report = report;
  }

  public QuantizeReport report() {
    return report;
  }
}
