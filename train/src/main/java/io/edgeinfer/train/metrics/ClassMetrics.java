package io.edgeinfer.train.metrics;

/**
 * Precision, recall and F1 of one class, and its support (how many rows truly are of that class).
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {}
