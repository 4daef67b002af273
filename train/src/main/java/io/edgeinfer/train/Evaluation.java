package io.edgeinfer.train;

import io.edgeinfer.train.metrics.ClassificationReport;
import io.edgeinfer.train.metrics.RegressionReport;
import java.util.List;

/**
 * What {@code evaluate} found: one of the two reports, by the model's task, and what a reader
 * should know about how it was scored (e.g. labels taken as class ids for want of the model's own).
 */
public record Evaluation(
    Task task,
    ClassificationReport classification,
    RegressionReport regression,
    String output,
    List<String> warnings) {
  public Evaluation {
    warnings = List.copyOf(warnings);
  }
}
