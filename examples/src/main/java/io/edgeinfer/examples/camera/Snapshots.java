package io.edgeinfer.examples.camera;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Camera snapshots for the example, as a 320x240 JPEG from a cheap camera looks: a noisy grey scene
 * with one large coloured object. Drawn from a fixed seed, so every build writes the same pictures:
 * {@code red-door.jpg}, {@code green-door.jpg}, {@code blue-door.jpg}.
 */
public final class Snapshots {
  private Snapshots() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Snapshots OUTPUT-DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    write(dir.resolve("red-door.jpg"), new Color(200, 40, 35), 1);
    write(dir.resolve("green-door.jpg"), new Color(40, 170, 60), 2);
    write(dir.resolve("blue-door.jpg"), new Color(35, 60, 190), 3);
  }

  static void write(Path file, Color object, long seed) throws IOException {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 320; x++) {
        int grey = 100 + y / 4 + random.nextInt(20);
        image.setRGB(x, y, new Color(grey, grey, grey).getRGB());
      }
    }
    Graphics2D g = image.createGraphics();
    g.setColor(object);
    g.fillRect(60, 20, 200, 210);
    g.dispose();
    if (!ImageIO.write(image, "jpg", file.toFile())) {
      throw new IOException("no JPEG writer in this JVM");
    }
  }
}
