/**
 * Evaluation metrics of a trained model on held-out rows: accuracy, cross-entropy, per-class
 * precision, recall and F1, and the confusion matrix for classification; MSE, MAE and R² for
 * regression. Each report prints as a readable table and writes itself as JSON for scripts.
 */
package io.edgeinfer.train.metrics;
