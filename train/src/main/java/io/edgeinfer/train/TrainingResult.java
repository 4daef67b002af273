package io.edgeinfer.train;

import io.edgeinfer.train.data.ClassLabels;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.Normalization;
import io.edgeinfer.train.metrics.ClassificationReport;
import io.edgeinfer.train.metrics.RegressionReport;
import io.edgeinfer.train.report.History;

/**
 * What training produced: the weights (of the best epoch when early stopping is on), how inputs are
 * normalized, the class labels (classification only), the learning curves and the held-out test
 * results (null when there is no test split) with the raw test rows they came from.
 */
public record TrainingResult(
    TrainingConfig config,
    String dataSource,
    Dataset testData,
    String dataSha256,
    int featureCount,
    Weights weights,
    Normalization normalization,
    ClassLabels classLabels,
    History history,
    ClassificationReport classificationTest,
    RegressionReport regressionTest,
    int trainRows,
    int validationRows,
    int testRows,
    double trainingSeconds,
    double samplesPerSecond) {}
