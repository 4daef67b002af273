package io.edgeinfer.core.image;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.TensorSpec;

/**
 * What an image input spec asks for: {@code [N or -1, height, width, channels]}, channels 1 (grey)
 * or 3 (RGB), float32 (scaled to [0, 1]) or uint8 (0..255).
 */
record ImageInput(int height, int width, int channels, DataType dataType) {

  static ImageInput of(TensorSpec spec) {
    Shape shape = spec.shape();
    if (shape.isUnknownRank()
        || shape.rank() != 4
        || shape.dim(1) <= 0
        || shape.dim(2) <= 0
        || (shape.dim(3) != 1 && shape.dim(3) != 3)) {
      throw new IllegalArgumentException(
          "input '"
              + spec.name()
              + "': expected an image input of shape [N, height, width, channels] with a known"
              + " height and width and 1 or 3 channels, found "
              + spec);
    }
    if (spec.dataType() != DataType.FLOAT32 && spec.dataType() != DataType.UINT8) {
      throw new IllegalArgumentException(
          "input '"
              + spec.name()
              + "': expected a float32 or uint8 image input, found "
              + spec
              + ": images are read as float32 scaled to [0, 1] or as uint8");
    }
    return new ImageInput(shape.dim(1), shape.dim(2), shape.dim(3), spec.dataType());
  }
}
