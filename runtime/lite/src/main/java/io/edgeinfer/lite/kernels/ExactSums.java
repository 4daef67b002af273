package io.edgeinfer.lite.kernels;

/**
 * An int8 layer that may sum its products in float where that is exact: how many chunks of taps
 * each output's sum is split into so that every partial sum stays within 2^24 (tests check that
 * both the single-chunk and the split or int32 routes are exercised).
 */
interface ExactSums {
  /** 1: one exact float sum per output; more: that many float chunks added as ints; 0: int32. */
  int floatChunks();
}
