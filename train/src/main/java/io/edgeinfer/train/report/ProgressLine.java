package io.edgeinfer.train.report;

import java.util.Locale;

/**
 * One line per epoch for a terminal, such as {@code epoch 3/10 [=====> ] loss 0.4123 acc 0.8711
 * val_loss 0.4420 val_acc 0.8600 0.8s}. Metrics that are not known (NaN: accuracy for regression,
 * validation without a validation part) are left out.
 */
public final class ProgressLine {
  /** Characters inside the brackets. */
  private static final int BAR = 20;

  private ProgressLine() {}

  public static String format(EpochRecord record, int epochs) {
    int digits = Integer.toString(epochs).length();
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "epoch %" + digits + "d/%d ", record.epoch(), epochs));
    line.append('[').append(bar(record.epoch(), epochs)).append(']');
    metric(line, "loss", record.loss());
    metric(line, "acc", record.accuracy());
    metric(line, "val_loss", record.validationLoss());
    metric(line, "val_acc", record.validationAccuracy());
    line.append(String.format(Locale.ROOT, " %.1fs", record.seconds()));
    return line.toString();
  }

  /** {@code =} for the epochs done, {@code >} at the head, spaces for the rest. */
  private static String bar(int epoch, int epochs) {
    int done =
        epochs <= 0 ? BAR : (int) Math.round((double) BAR * Math.min(epoch, epochs) / epochs);
    if (done >= BAR) {
      return "=".repeat(BAR);
    }
    if (done <= 0) {
      return " ".repeat(BAR);
    }
    return "=".repeat(done - 1) + ">" + " ".repeat(BAR - done);
  }

  private static void metric(StringBuilder line, String name, double value) {
    if (!Double.isNaN(value)) {
      line.append(String.format(Locale.ROOT, " %s %.4f", name, value));
    }
  }
}
