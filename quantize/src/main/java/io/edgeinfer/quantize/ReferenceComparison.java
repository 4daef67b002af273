package io.edgeinfer.quantize;

/**
 * The written file run in TensorFlow Lite's reference kernels (TensorFlow Lite Micro, as the
 * command {@code tflm_oracle}) on the calibration samples, compared with the lite engine's answers
 * from the same file.
 *
 * @param runtime what ran it, e.g. {@code tflm_oracle 90b983c2}
 * @param samples how many were compared (0 when it refused the file)
 * @param maxAbsDiff the largest absolute difference over every output value
 * @param argmaxAgreement for a classifier's [-1, k] output, the share of samples whose largest
 *     value is at the same index; NaN otherwise
 * @param checkedCopy what was changed in the copy it ran, empty when it ran the file as written
 * @param refusal why it could not run the file (its own one-line message); empty when it ran
 */
public record ReferenceComparison(
    String runtime,
    int samples,
    double maxAbsDiff,
    double argmaxAgreement,
    String checkedCopy,
    String refusal) {
  public boolean ran() {
    return refusal.isEmpty();
  }
}
