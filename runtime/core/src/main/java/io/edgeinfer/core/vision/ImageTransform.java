package io.edgeinfer.core.vision;

/**
 * Where an image lands in the model's input after resizing: input {@code u = x * scaleX + offsetX},
 * {@code v = y * scaleY + offsetY}, in pixels (edges, not centres). Read backwards, it puts a box
 * the model found in the input back into the original image's pixels.
 */
public record ImageTransform(
    int imageWidth,
    int imageHeight,
    int inputWidth,
    int inputHeight,
    double scaleX,
    double scaleY,
    double offsetX,
    double offsetY) {

  /** The transform {@code mode} makes from an image of one size to an input of another. */
  public static ImageTransform of(
      ResizeMode mode, int imageWidth, int imageHeight, int inputWidth, int inputHeight) {
    double sx = (double) inputWidth / imageWidth;
    double sy = (double) inputHeight / imageHeight;
    return switch (mode) {
      case STRETCH ->
          new ImageTransform(imageWidth, imageHeight, inputWidth, inputHeight, sx, sy, 0, 0);
      case CROP, LETTERBOX -> {
        double s = mode == ResizeMode.CROP ? Math.max(sx, sy) : Math.min(sx, sy);
        yield new ImageTransform(
            imageWidth,
            imageHeight,
            inputWidth,
            inputHeight,
            s,
            s,
            (inputWidth - imageWidth * s) / 2,
            (inputHeight - imageHeight * s) / 2);
      }
    };
  }

  /** The image x of input x {@code u}, clamped to the image. */
  public double imageX(double u) {
    return Math.max(0, Math.min(imageWidth, (u - offsetX) / scaleX));
  }

  /** The image y of input y {@code v}, clamped to the image. */
  public double imageY(double v) {
    return Math.max(0, Math.min(imageHeight, (v - offsetY) / scaleY));
  }
}
