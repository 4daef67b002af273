package io.edgeinfer.train;

import io.edgeinfer.train.metrics.ClassificationReport;
import io.edgeinfer.train.metrics.RegressionReport;

/** What {@code evaluate} found: one of the two reports, by the model's task. */
public record Evaluation(
    Task task, ClassificationReport classification, RegressionReport regression, String output) {}
