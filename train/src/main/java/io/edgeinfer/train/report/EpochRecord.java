package io.edgeinfer.train.report;

/**
 * The metrics of one epoch. The accuracy fields are NaN for regression, the validation fields NaN
 * when there is no validation part.
 *
 * @param epoch 1-based
 * @param seconds the epoch's wall-clock time
 */
public record EpochRecord(
    int epoch,
    double loss,
    double accuracy,
    double validationLoss,
    double validationAccuracy,
    double seconds) {}
