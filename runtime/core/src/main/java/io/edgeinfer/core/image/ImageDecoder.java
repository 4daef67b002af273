package io.edgeinfer.core.image;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.Locale;

/** PNG and JPEG images to one instance of an image input. */
public final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * Decodes PNG or JPEG bytes into one instance for an image input.
   *
   * <p>The spec's shape must be {@code [N or -1, height, width, channels]} with a known height and
   * width and 1 (grey) or 3 (RGB) channels. The image is resized to {@code width x height} with
   * bilinear interpolation (half-pixel centres, no antialiasing: the same arithmetic as TensorFlow
   * 2's {@code tf.image.resize}; the aspect ratio is not kept, and a reduction of more than 2x
   * samples rather than averages). Colour becomes grey by BT.601 luma (0.299 R + 0.587 G + 0.114
   * B); grey becomes RGB by repeating it. A pixel that is not opaque is composited over black.
   *
   * <p>Values are float32 scaled to [0, 1] for a float32 input, or 0..255 for a uint8 one.
   *
   * @return a tensor of shape {@code [1, height, width, channels]} and the spec's type
   * @throws IllegalArgumentException when the spec cannot take an image (the message names it)
   * @throws io.edgeinfer.core.codec.MalformedInputException when the bytes are not a readable PNG
   *     or JPEG ("expected a PNG or JPEG image, found ...")
   */
  public static Tensor decode(byte[] bytes, TensorSpec spec) {
    ImageInput input = ImageInput.of(spec);
    Pixels pixels = new Pixels(EncodedImage.read(bytes), input.channels());
    double[] values = Bilinear.resize(pixels, input.height(), input.width());
    int[] dims = {1, input.height(), input.width(), input.channels()};
    if (input.dataType() == DataType.UINT8) {
      byte[] bytesOut = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        bytesOut[i] = (byte) Math.round(Math.max(0, Math.min(255, values[i])));
      }
      return Tensor.ofBytes(DataType.UINT8, bytesOut, dims);
    }
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      // Float division, so that an unresized pixel k reads exactly k / 255f.
      floats[i] = (float) values[i] / 255f;
    }
    return Tensor.ofFloats(floats, dims);
  }

  /** Whether a file name ends in {@code .png}, {@code .jpg} or {@code .jpeg}, in any case. */
  public static boolean isImage(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }
}
