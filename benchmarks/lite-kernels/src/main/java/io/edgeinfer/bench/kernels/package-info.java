/**
 * JMH benchmarks of the lite engine's kernels: FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D, in
 * float32 and int8, for each kernel set ({@code reference} and {@code fast} in a plain JVM, {@code
 * vector} in one started with {@code --add-modules jdk.incubator.vector}).
 *
 * <p>Each operation is prepared once per trial, as the interpreter does at model load, and timed
 * per call on one thread with its own {@link io.edgeinfer.lite.kernels.Scratch}, so after the first
 * call nothing is allocated. Weights and inputs are seeded random numbers, the same for every set.
 */
package io.edgeinfer.bench.kernels;
