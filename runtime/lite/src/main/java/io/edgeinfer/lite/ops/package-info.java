/**
 * Operators of the lite engine: one {@link io.edgeinfer.lite.ops.Lowering} per op family, bound to
 * builtin codes (and custom op names) by {@link io.edgeinfer.lite.ops.OpResolver}, the way TFLite
 * Micro's op resolver binds an op to its {@code Init/Prepare/Eval}. A lowering checks types and
 * options once at load, prepares a kernel from {@code io.edgeinfer.lite.kernels} and returns a
 * {@link io.edgeinfer.lite.ops.Step}: how output shapes follow from input shapes, and how it runs
 * on the plan's arrays ({@link io.edgeinfer.lite.ops.Buffers} says which array holds each type).
 *
 * <p>Adding an op:
 *
 * <ol>
 *   <li>one lowering file here (reject what it cannot run with {@link
 *       io.edgeinfer.lite.ops.Unsupported}, a short reason: it is listed in the error and in {@code
 *       inspect});
 *   <li>one line in {@link io.edgeinfer.lite.ops.OpResolver#standard()};
 *   <li>its kernels: the reference one (written for clarity, TFLite's arithmetic) and, where speed
 *       matters, a fast one in {@code FastKernels};
 *   <li>a reference test with hand-worked numbers, and a case in the oracle conformance suite
 *       ({@code OpConformanceTest}) that runs seeded random models in TensorFlow Lite Micro.
 * </ol>
 *
 * <p>Quantized types: uint8 tensors are held as int8 with the zero point moved by 128, so the int8
 * kernels run them unchanged wherever TFLite's uint8 and int8 arithmetic agree; where they do not
 * (average pooling's rounding, concatenation's rescaling, asymmetric weights) the lowering picks
 * the uint8 variant.
 */
package io.edgeinfer.lite.ops;
