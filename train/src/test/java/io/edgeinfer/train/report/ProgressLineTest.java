package io.edgeinfer.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void classificationWithValidation() {
    assertEquals(
        "epoch  3/10 [=====>              ] loss 0.4123 acc 0.8711 val_loss 0.4420 val_acc 0.8600"
            + " 0.8s",
        ProgressLine.format(new EpochRecord(3, 0.41234, 0.87109, 0.442, 0.86, 0.83), 10));
  }

  @Test
  void regressionLeavesOutAccuracy() {
    assertEquals(
        "epoch 5/5 [====================] loss 12.5000 val_loss 13.0000 2.0s",
        ProgressLine.format(new EpochRecord(5, 12.5, Double.NaN, 13, Double.NaN, 2), 5));
  }

  @Test
  void withoutValidation() {
    assertEquals(
        "epoch   1/100 [                    ] loss 0.6931 acc 0.5000 0.1s",
        ProgressLine.format(
            new EpochRecord(1, Math.log(2), 0.5, Double.NaN, Double.NaN, 0.1), 100));
  }
}
