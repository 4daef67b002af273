package io.edgeinfer.quantize;

/**
 * Told how far the long parts of a conversion are (running the calibration samples, comparing with
 * TensorFlow), so that a command can show progress; called on the converting thread.
 */
@FunctionalInterface
public interface QuantizeProgress {
  QuantizeProgress NONE = (stage, done, total) -> {};

  /**
   * @param stage what runs, e.g. {@code calibrating}
   * @param done samples done so far
   * @param total samples in all
   */
  void update(String stage, long done, long total);
}
