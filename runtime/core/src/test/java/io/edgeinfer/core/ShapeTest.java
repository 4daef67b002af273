package io.edgeinfer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeTest {
  @Test
  void dimensionsAreSizesOrUnknown() {
    Shape shape = Shape.of(-1, 3);
    assertEquals(2, shape.rank());
    assertEquals(Shape.UNKNOWN, shape.dim(0));
    assertEquals(3, shape.dim(1));
    assertFalse(shape.isFullyKnown());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -2));
    assertEquals("expected dimensions >= 0 or -1, found [2, -2]", e.getMessage());
  }

  @Test
  void longDimensionsAreNarrowed() {
    assertEquals(Shape.of(-1, 3), Shape.of(-1L, 3L));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Shape.of(1L << 31, 1L));
    assertEquals("expected dimensions below 2^31, found [2147483648, 1]", e.getMessage());
  }

  @Test
  void dimsIsACopy() {
    Shape shape = Shape.of(2, 3);
    int[] dims = shape.dims();
    dims[0] = 7;
    assertArrayEquals(new int[] {2, 3}, shape.dims());
    int[] source = {4, 5};
    Shape fromSource = Shape.of(source);
    source[0] = 9;
    assertEquals(Shape.of(4, 5), fromSource);
  }

  @Test
  void elementCount() {
    assertEquals(1, Shape.of().elementCount());
    assertEquals(0, Shape.of(0, 5).elementCount());
    assertEquals(24, Shape.of(2, 3, 4).elementCount());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Shape.of(-1, 3).elementCount());
    assertEquals("expected a fully known shape, found [-1, 3]", e.getMessage());
  }

  @Test
  void unknownRankIsItsOwnState() {
    Shape unknown = Shape.UNKNOWN_RANK;
    assertTrue(unknown.isUnknownRank());
    assertFalse(Shape.of().isUnknownRank());
    assertFalse(unknown.isFullyKnown());
    assertNotEquals(Shape.of(), unknown);
    IllegalStateException e = assertThrows(IllegalStateException.class, unknown::rank);
    assertEquals("the rank of this shape is unknown", e.getMessage());
    assertThrows(IllegalStateException.class, unknown::dims);
  }

  @Test
  void withFirstDimSetsTheBatch() {
    assertEquals(Shape.of(8, 3), Shape.of(-1, 3).withFirstDim(8));
  }

  @Test
  void accepts() {
    Shape declared = Shape.of(-1, 3);
    assertTrue(declared.accepts(Shape.of(5, 3)));
    assertTrue(declared.accepts(Shape.of(0, 3)));
    assertFalse(declared.accepts(Shape.of(5, 4)));
    assertFalse(declared.accepts(Shape.of(5)));
    assertFalse(declared.accepts(Shape.of(5, 3, 1)));
    assertFalse(declared.accepts(Shape.UNKNOWN_RANK));
    assertTrue(Shape.UNKNOWN_RANK.accepts(Shape.of(1, 2, 3)));
    assertTrue(Shape.UNKNOWN_RANK.accepts(Shape.of()));
    assertTrue(Shape.of().accepts(Shape.of()));
    assertFalse(Shape.of().accepts(Shape.of(1)));
  }

  @Test
  void toStringAndEquality() {
    assertEquals("[-1, 3]", Shape.of(-1, 3).toString());
    assertEquals("[]", Shape.of().toString());
    assertEquals("<unknown rank>", Shape.UNKNOWN_RANK.toString());
    assertEquals(Shape.of(2, 3), Shape.of(2, 3));
    assertEquals(Shape.of(2, 3).hashCode(), Shape.of(2, 3).hashCode());
    assertNotEquals(Shape.of(2, 3), Shape.of(3, 2));
  }
}
