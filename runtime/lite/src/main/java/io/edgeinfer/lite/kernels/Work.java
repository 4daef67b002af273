package io.edgeinfer.lite.kernels;

/**
 * The cost of an operation in multiply-adds of a 1x1 convolution, the unit splits are judged in
 * ({@link SplitOp#work}): kernels that are slower per multiply-add, or do none, weigh theirs.
 */
public final class Work {
  private Work() {}

  /**
   * A depthwise multiply-add costs about four of a 1x1 convolution's (5 against 22 GMAC/s,
   * MobileNet v2 on one thread): each weight meets one input, not a row of them.
   */
  public static final int DEPTHWISE = 4;

  /** An element of elementwise arithmetic (ADD of two tensors, a requantization): about 16. */
  public static final int ELEMENT = 16;

  /** An element moved by a copy with an index computation (PAD, TRANSPOSE): about 4. */
  public static final int COPY = 4;
}
