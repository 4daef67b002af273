/**
 * {@code edgeinfer quantize}: a SavedModel signature converted to a TensorFlow Lite file, in
 * float32, float16, dynamic-range int8 or full int8, with a report that compares it with the
 * original.
 */
package io.edgeinfer.quantize;
