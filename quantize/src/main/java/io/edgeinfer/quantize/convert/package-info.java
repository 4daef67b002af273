/**
 * TensorFlow ops mapped to TFLite builtin operators ({@link
 * io.edgeinfer.quantize.convert.LiteGraph}, in float32 and with the fusions TFLite expects: bias
 * and activation into fully-connected and convolution, batch normalization folded into the
 * convolution before it).
 */
package io.edgeinfer.quantize.convert;
