package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Google's published models and photos in {@code ../shared/models/zoo}; a test that needs one is
 * skipped, with the reason, where the folder is absent. Never copied into the project. Public for
 * the tests of other modules (cli runs its images end to end).
 */
public final class Zoo {
  private Zoo() {}

  public static Path file(String name) {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path path = root.resolve("models/zoo").resolve(name);
    assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the team's shared zoo)");
    return path;
  }

  /** A photo resized (bilinear, the whole frame) to {@code size} x {@code size}, as RGB bytes. */
  static byte[] rgb(String photo, int width, int height) throws IOException {
    return rgb(ImageIO.read(file(photo).toFile()), width, height);
  }

  /** An image resized (bilinear, the whole frame) to {@code width} x {@code height}, as RGB. */
  static byte[] rgb(BufferedImage source, int width, int height) {
    BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = resized.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    byte[] out = new byte[width * height * 3];
    int k = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = resized.getRGB(x, y);
        out[k++] = (byte) (rgb >> 16);
        out[k++] = (byte) (rgb >> 8);
        out[k++] = (byte) rgb;
      }
    }
    return out;
  }
}
