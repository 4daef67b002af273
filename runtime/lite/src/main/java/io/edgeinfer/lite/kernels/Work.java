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

  /**
   * An element of elementwise arithmetic (ADD of two tensors, a requantization, a reduction): about
   * 16 (a float ADD of 75,264 elements took 62 µs, what a 1x1 convolution does in 1.2 M
   * multiply-adds at 20 GMAC/s; MobileNet v2, one thread).
   */
  public static final int ELEMENT = 16;

  /**
   * An element moved by a copy (PAD, TRANSPOSE, pooling's taps): 4, between a PAD copying whole
   * rows (under 1: 7 µs for 153,228 bytes) and a TRANSPOSE gathering with a stride (about 40: 300
   * µs for 150,528).
   */
  public static final int COPY = 4;
}
