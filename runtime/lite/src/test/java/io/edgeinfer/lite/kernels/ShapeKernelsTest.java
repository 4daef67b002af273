package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import org.junit.jupiter.api.Test;

/** SLICE, PACK/UNPACK/SPLIT chunks, SPACE_TO_BATCH_ND and back, CAST, worked by hand. */
class ShapeKernelsTest {
  @Test
  void sliceCutsABoxAndMinusOneRunsToTheEnd() {
    int[] shape = {2, 3};
    int[] out = Slicing.sliceShape(shape, new int[] {0, 1}, new int[] {2, -1});
    assertArrayEquals(new int[] {2, 2}, out);
    float[] values = new float[4];
    Slicing.slice(new float[] {1, 2, 3, 4, 5, 6}, shape, new int[] {0, 1}, out, values, 1);
    assertArrayEquals(new float[] {2, 3, 5, 6}, values);
    assertThrows(
        IllegalArgumentException.class,
        () -> Slicing.sliceShape(shape, new int[] {1, 0}, new int[] {2, 1}));
  }

  @Test
  void packInterleavesAlongTheNewAxisAndUnpackUndoesIt() {
    int[] whole = new int[4];
    Object[] parts = {new int[] {1, 2}, new int[] {3, 4}};
    // two [2] tensors stacked on axis 1: [[1, 3], [2, 4]]
    Slicing.chunks(whole, parts, new int[] {2, 2}, 1, new int[] {1, 1}, 1, true);
    assertArrayEquals(new int[] {1, 3, 2, 4}, whole);
    Object[] back = {new int[2], new int[2]};
    Slicing.chunks(whole, back, new int[] {2, 2}, 1, new int[] {1, 1}, 1, false);
    assertArrayEquals(new int[] {1, 2}, (int[]) back[0]);
    assertArrayEquals(new int[] {3, 4}, (int[]) back[1]);
  }

  @Test
  void splitByUnequalSizes() {
    Object[] parts = {new float[2], new float[4]};
    // [2, 3] split on axis 1 into sizes 1 and 2
    Slicing.chunks(
        new float[] {1, 2, 3, 4, 5, 6}, parts, new int[] {2, 3}, 1, new int[] {1, 2}, 1, false);
    assertArrayEquals(new float[] {1, 4}, (float[]) parts[0]);
    assertArrayEquals(new float[] {2, 3, 5, 6}, (float[]) parts[1]);
  }

  @Test
  void spaceToBatchPadsWithTheZeroPointAndBatchToSpaceCropsBack() {
    // [1, 2, 2, 1] = [[1, 2], [3, 4]], block 2x2, one pixel of padding all round: a 4x4 frame
    // whose four 2x2 phases become four batches.
    int[] pads = {1, 1, 1, 1};
    int[] block = {2, 2};
    int[] shape = {1, 2, 2, 1};
    assertArrayEquals(new int[] {4, 2, 2, 1}, SpaceBatch.spaceToBatchShape(shape, block, pads));
    byte[] out = new byte[16];
    SpaceBatch.spaceToBatch(new byte[] {1, 2, 3, 4}, shape, block, pads, new byte[] {5}, out, 1);
    assertArrayEquals(new byte[] {5, 5, 5, 4, 5, 5, 3, 5, 5, 2, 5, 5, 1, 5, 5, 5}, out);
    byte[] back = new byte[4];
    SpaceBatch.batchToSpace(out, new int[] {4, 2, 2, 1}, block, pads, back, 1);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, back);
  }

  @Test
  void castTruncatesWrapsAndHoldsUint8Moved() {
    int[] ints = new int[2];
    Casting.run(new float[] {-1.7f, 2.9f}, DataType.FLOAT32, ints, DataType.INT32, 2);
    assertArrayEquals(new int[] {-1, 2}, ints);
    byte[] int8 = new byte[2];
    Casting.run(new int[] {300, -129}, DataType.INT32, int8, DataType.INT8, 2);
    assertArrayEquals(new byte[] {44, 127}, int8);
    byte[] uint8 = new byte[2];
    // -1 wraps to 255, held as 255 - 128 = 127; 7 is held as -121
    Casting.run(new int[] {-1, 7}, DataType.INT32, uint8, DataType.UINT8, 2);
    assertArrayEquals(new byte[] {127, -121}, uint8);
    float[] floats = new float[2];
    Casting.run(uint8, DataType.UINT8, floats, DataType.FLOAT32, 2);
    assertArrayEquals(new float[] {255, 7}, floats);
    boolean[] bools = new boolean[3];
    Casting.run(new float[] {0, -0.5f, 3}, DataType.FLOAT32, bools, DataType.BOOL, 3);
    assertArrayEquals(new boolean[] {false, true, true}, bools);
  }
}
