package io.edgeinfer.core;

import java.util.List;
import java.util.Map;

/**
 * Runs a prediction operator by operator with a clock around each, so that a user sees where a
 * model spends its time. Offered by engines that run operators one by one ({@link
 * Predictor#opTimer()}); the clock reads add a little to each operator's time.
 */
@FunctionalInterface
public interface OpTimer {
  /**
   * Predicts as {@link Predictor#predict} does and returns each operator's time, in the order the
   * operators ran (the outputs themselves are dropped).
   */
  List<OpTime> predictTimed(Map<String, Tensor> inputs) throws ModelException;
}
