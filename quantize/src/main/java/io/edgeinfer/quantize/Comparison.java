package io.edgeinfer.quantize;

/**
 * How the converted model's outputs differ from TensorFlow's on the same samples.
 *
 * @param samples how many were compared
 * @param maxAbsDiff the largest absolute difference over every float output value
 * @param meanAbsDiff the mean absolute difference
 * @param argmaxAgreement for a classifier's [-1, k] output, the share of samples whose largest
 *     value is at the same index; NaN otherwise
 */
public record Comparison(
    int samples, double maxAbsDiff, double meanAbsDiff, double argmaxAgreement) {}
