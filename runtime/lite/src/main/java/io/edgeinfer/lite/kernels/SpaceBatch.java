package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND on [batch, height, width, depth] tensors of any element
 * type (a rank-3 [batch, height, depth] one is taken as width 1, as TFLite does): the spatial
 * blocks of a dilated convolution moved into the batch and back. Padding is {@code pad}, the zero
 * point for quantized tensors.
 */
public final class SpaceBatch {
  private SpaceBatch() {}

  /** [batch, height, width, depth] of a rank-3 or rank-4 shape. */
  static int[] four(int[] shape) {
    if (shape.length == 4) {
      return shape;
    }
    if (shape.length == 3) {
      return new int[] {shape[0], shape[1], 1, shape[2]};
    }
    throw new IllegalArgumentException(
        "expected a rank-3 or rank-4 tensor, found rank " + shape.length);
  }

  /** block [h, w] and paddings or crops [top, bottom, left, right], for rank 3 or 4. */
  static int[] block(int[] block) {
    return block.length == 1 ? new int[] {block[0], 1} : block;
  }

  static int[] margins(int[] margins) {
    return margins.length == 2 ? new int[] {margins[0], margins[1], 0, 0} : margins;
  }

  private static int[] back(int[] four, int rank) {
    return rank == 4 ? four : new int[] {four[0], four[1], four[3]};
  }

  public static int[] spaceToBatchShape(int[] shape, int[] block, int[] paddings) {
    int[] s = four(shape);
    int[] b = block(block);
    int[] p = margins(paddings);
    int h = s[1] + p[0] + p[1];
    int w = s[2] + p[2] + p[3];
    if (b[0] < 1 || b[1] < 1 || h % b[0] != 0 || w % b[1] != 0) {
      throw new IllegalArgumentException(
          "SPACE_TO_BATCH_ND: padded "
              + Arrays.toString(shape)
              + " is not a multiple of block "
              + Arrays.toString(block));
    }
    return back(new int[] {s[0] * b[0] * b[1], h / b[0], w / b[1], s[3]}, shape.length);
  }

  public static int[] batchToSpaceShape(int[] shape, int[] block, int[] crops) {
    int[] s = four(shape);
    int[] b = block(block);
    int[] c = margins(crops);
    int h = s[1] * b[0] - c[0] - c[1];
    int w = s[2] * b[1] - c[2] - c[3];
    if (b[0] < 1 || b[1] < 1 || s[0] % (b[0] * b[1]) != 0 || h < 0 || w < 0) {
      throw new IllegalArgumentException(
          "BATCH_TO_SPACE_ND: cannot undo block "
              + Arrays.toString(block)
              + " with crops "
              + Arrays.toString(crops)
              + " from "
              + Arrays.toString(shape));
    }
    return back(new int[] {s[0] / (b[0] * b[1]), h, w, s[3]}, shape.length);
  }

  /**
   * @param pad an array of one element holding the padding value
   */
  public static void spaceToBatch(
      Object in, int[] inShape, int[] block, int[] paddings, Object pad, Object out, int w) {
    int[] s = four(inShape);
    int[] b = block(block);
    int[] p = margins(paddings);
    int[] o = four(spaceToBatchShape(inShape, block, paddings));
    int depth = s[3] * w;
    int at = 0;
    for (int ob = 0; ob < o[0]; ob++) {
      int batch = ob % s[0];
      int shiftW = (ob / s[0]) % b[1];
      int shiftH = (ob / s[0]) / b[1];
      for (int oh = 0; oh < o[1]; oh++) {
        int ih = oh * b[0] + shiftH - p[0];
        for (int ow = 0; ow < o[2]; ow++, at += depth) {
          int iw = ow * b[1] + shiftW - p[2];
          if (ih < 0 || ih >= s[1] || iw < 0 || iw >= s[2]) {
            for (int k = 0; k < depth; k++) {
              System.arraycopy(pad, k % w, out, at + k, 1);
            }
          } else {
            System.arraycopy(in, ((batch * s[1] + ih) * s[2] + iw) * depth, out, at, depth);
          }
        }
      }
    }
  }

  public static void batchToSpace(
      Object in, int[] inShape, int[] block, int[] crops, Object out, int w) {
    int[] s = four(inShape);
    int[] b = block(block);
    int[] c = margins(crops);
    int[] o = four(batchToSpaceShape(inShape, block, crops));
    int depth = s[3] * w;
    for (int ib = 0; ib < s[0]; ib++) {
      int batch = ib % o[0];
      int offset = ib / o[0];
      int offsetH = offset / b[1];
      int offsetW = offset % b[1];
      for (int ih = 0; ih < s[1]; ih++) {
        int oh = ih * b[0] + offsetH - c[0];
        if (oh < 0 || oh >= o[1]) {
          continue;
        }
        for (int iw = 0; iw < s[2]; iw++) {
          int ow = iw * b[1] + offsetW - c[2];
          if (ow < 0 || ow >= o[2]) {
            continue;
          }
          System.arraycopy(
              in,
              ((ib * s[1] + ih) * s[2] + iw) * depth,
              out,
              ((batch * o[1] + oh) * o[2] + ow) * depth,
              depth);
        }
      }
    }
  }
}
