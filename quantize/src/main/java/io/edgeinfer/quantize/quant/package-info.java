/**
 * Precision: the four modes, the weight encodings (float16, symmetric int8 per channel, int32
 * bias), activation ranges from calibration, and the emitter that writes a converted graph as a
 * TFLite model in a mode.
 */
package io.edgeinfer.quantize.quant;
