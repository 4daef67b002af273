package io.edgeinfer.bench.kernels;

/** The element type a benchmark runs its layers in. */
public enum Precision {
  FLOAT32,
  INT8
}
