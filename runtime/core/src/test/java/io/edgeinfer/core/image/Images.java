package io.edgeinfer.core.image;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.TensorSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images made in the test, encoded with ImageIO. */
final class Images {
  private Images() {}

  /** An RGB image from {@code 0xRRGGBB} values, one row per array. */
  static BufferedImage rgb(int[][] rows) {
    BufferedImage image =
        new BufferedImage(rows[0].length, rows.length, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[y].length; x++) {
        image.setRGB(x, y, rows[y][x]);
      }
    }
    return image;
  }

  /** A grey image from 0..255 values, one row per array. */
  static BufferedImage grey(int[][] rows) {
    BufferedImage image =
        new BufferedImage(rows[0].length, rows.length, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[y].length; x++) {
        image.getRaster().setSample(x, y, 0, rows[y][x]);
      }
    }
    return image;
  }

  /**
   * 32 x 16: the left 16 columns one colour, the right 16 another. Each half fills whole 16x16 JPEG
   * blocks, so JPEG keeps the colours close.
   */
  static BufferedImage halves(int left, int right) {
    int[][] rows = new int[16][32];
    for (int[] row : rows) {
      Arrays.fill(row, 0, 16, left);
      Arrays.fill(row, 16, 32, right);
    }
    return rgb(rows);
  }

  /** Random colours: what compresses badly, so that cutting the file cuts its pixel data. */
  static BufferedImage noise(int width, int height) {
    Random random = new Random(42);
    int[][] rows = new int[height][width];
    for (int[] row : rows) {
      for (int x = 0; x < width; x++) {
        row[x] = random.nextInt(0x1000000);
      }
    }
    return rgb(rows);
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static TensorSpec spec(DataType type, int... dims) {
    return new TensorSpec("image", type, Shape.of(dims));
  }
}
