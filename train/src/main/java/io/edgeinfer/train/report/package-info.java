/**
 * What a training run reports as it goes and when it ends: one record per epoch, kept as a CSV
 * history, shown as a progress line on the terminal and drawn as a learning-curve PNG.
 */
package io.edgeinfer.train.report;
