/**
 * Training data: reading a table of numbers (CSV, gzip-compressed CSV or NumPy {@code .npy}) into
 * features and labels, class labels for classification, seeded train/validation/test splits and
 * feature normalization.
 *
 * <p>Bad data is reported as a {@link io.edgeinfer.train.data.DataException} whose one-line message
 * says what was expected, what was found and where: line and column for CSV (as an editor counts),
 * row and column for NPY (1-based, as a spreadsheet counts).
 */
package io.edgeinfer.train.data;
