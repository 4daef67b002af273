package io.edgeinfer.train.report;

import java.util.List;
import java.util.Locale;

/**
 * What the epochs came to, in one line: how many ran, why training stopped, and the best epoch by
 * the loss early stopping watches (the validation loss, or the training loss when nothing is held
 * out for validation).
 *
 * @param run the epochs that ran
 * @param cap the most epochs allowed ({@code --epochs})
 * @param best the best epoch, 1-based
 * @param bestLoss its watched loss
 * @param watched {@code val loss} or {@code loss}
 * @param keptBest whether the model holds the best epoch's weights (early stopping on)
 */
public record EpochSummary(
    int run, int cap, int best, double bestLoss, String watched, boolean keptBest) {

  public static EpochSummary of(List<EpochRecord> epochs, int cap, boolean earlyStopping) {
    boolean validation = !Double.isNaN(epochs.get(0).validationLoss());
    EpochRecord best = epochs.get(0);
    for (EpochRecord record : epochs) {
      if (watched(record, validation) < watched(best, validation)) {
        best = record;
      }
    }
    return new EpochSummary(
        epochs.size(),
        cap,
        best.epoch(),
        watched(best, validation),
        validation ? "val loss" : "loss",
        earlyStopping);
  }

  private static double watched(EpochRecord record, boolean validation) {
    return validation ? record.validationLoss() : record.loss();
  }

  public boolean stoppedEarly() {
    return run < cap;
  }

  /**
   * {@code stopped early at epoch 45 (best epoch 35, val loss 0.0872)}, or {@code ran all 200
   * epochs (best epoch 190, val loss 0.0512)}, and which weights the model holds.
   */
  public String toText() {
    String what = stoppedEarly() ? "stopped early at epoch " + run : "ran all " + cap + " epochs";
    String weights =
        best == run
            ? ""
            : keptBest
                ? "; the model keeps epoch " + best + "'s weights"
                : "; the model keeps the last epoch's weights";
    return String.format(
        Locale.ROOT, "%s (best epoch %d, %s %.4f)%s", what, best, watched, bestLoss, weights);
  }
}
