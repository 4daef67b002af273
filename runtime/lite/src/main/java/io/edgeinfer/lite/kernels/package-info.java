/**
 * The lite engine's kernels: TFLite's operators in float32 and int8 on plain Java arrays, with no
 * knowledge of the file format.
 *
 * <p>{@link io.edgeinfer.lite.kernels.Kernels} prepares operations (weights repacked, multipliers
 * and tables computed) once at load; the interpreter runs them per inference with its own {@link
 * io.edgeinfer.lite.kernels.Scratch}. {@link io.edgeinfer.lite.kernels.ReferenceKernels} is the
 * specification, written after TFLite's reference kernels and quantization spec; {@link
 * io.edgeinfer.lite.kernels.FastKernels} is the fast path, tested against it (int8 bit for bit);
 * {@link io.edgeinfer.lite.kernels.KernelSelector} chooses. {@link
 * io.edgeinfer.lite.kernels.Quantization} holds the fixed-point arithmetic.
 *
 * <p>The fast path is plain Java that C2's auto-vectorizer handles (no {@code
 * jdk.incubator.vector}: the module builds with {@code -Werror} and the incubator warning cannot be
 * silenced).
 */
package io.edgeinfer.lite.kernels;
