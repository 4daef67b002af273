package io.edgeinfer.core;

import java.util.Arrays;

/**
 * A tensor shape. Dimensions of a declared shape may be {@code -1} (unknown); a declared shape may
 * also have an unknown rank, which is a distinct state rather than an empty array.
 */
public final class Shape {
  /** The shape of a spec whose rank is not known. */
  public static final Shape UNKNOWN_RANK = new Shape(null);

  /** The dimension value that stands for "any size". */
  public static final int UNKNOWN = -1;

  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /** A shape of known rank; each dimension is a size or {@link #UNKNOWN}. */
  public static Shape of(int... dims) {
    for (int d : dims) {
      if (d < UNKNOWN) {
        throw new IllegalArgumentException(
            "expected dimensions >= 0 or -1, found " + Arrays.toString(dims));
      }
    }
    return new Shape(dims.clone());
  }

  /** A shape from 64-bit dimensions, as TensorFlow and NumPy report them. */
  public static Shape of(long... dims) {
    int[] narrowed = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "expected dimensions below 2^31, found " + Arrays.toString(dims));
      }
      narrowed[i] = (int) Math.max(dims[i], UNKNOWN);
    }
    return of(narrowed);
  }

  public boolean isUnknownRank() {
    return dims == null;
  }

  /** The number of dimensions; throws for an unknown rank. */
  public int rank() {
    return known().length;
  }

  public int dim(int index) {
    return known()[index];
  }

  public int[] dims() {
    return known().clone();
  }

  /** True when the rank and every dimension are known. */
  public boolean isFullyKnown() {
    if (dims == null) {
      return false;
    }
    for (int d : dims) {
      if (d == UNKNOWN) {
        return false;
      }
    }
    return true;
  }

  /** The number of elements of a fully known shape (1 for a scalar). */
  public long elementCount() {
    if (!isFullyKnown()) {
      throw new IllegalStateException("expected a fully known shape, found " + this);
    }
    long count = 1;
    for (int d : dims) {
      count = Math.multiplyExact(count, d);
    }
    return count;
  }

  /** This shape with the first dimension replaced, e.g. to set a batch size. */
  public Shape withFirstDim(int first) {
    int[] copy = dims();
    copy[0] = first;
    return of(copy);
  }

  /**
   * Whether a concrete shape fits this declared one: unknown rank fits anything; otherwise the
   * ranks must agree and every known dimension must match.
   */
  public boolean accepts(Shape concrete) {
    if (dims == null) {
      return true;
    }
    if (concrete.isUnknownRank() || concrete.rank() != dims.length) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] != UNKNOWN && dims[i] != concrete.dim(i)) {
        return false;
      }
    }
    return true;
  }

  private int[] known() {
    if (dims == null) {
      throw new IllegalStateException("the rank of this shape is unknown");
    }
    return dims;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Shape that && Arrays.equals(dims, that.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code [-1, 3]}, {@code []} for a scalar, {@code <unknown rank>} when the rank is unknown. */
  @Override
  public String toString() {
    return dims == null ? "<unknown rank>" : Arrays.toString(dims);
  }
}
