package io.edgeinfer.core;

/**
 * One operator's share of a timed prediction ({@link OpTimer}).
 *
 * @param index the operator's index in its graph (as a model viewer numbers it)
 * @param op the operator's name, e.g. CONV_2D
 * @param output the shape of its first output
 * @param macs its multiply-accumulates (0 for operators that do none, e.g. ADD or RESHAPE)
 * @param nanos the time it took
 */
public record OpTime(int index, String op, Shape output, long macs, long nanos) {}
