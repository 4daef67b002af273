package io.edgeinfer.core.vision;

import io.edgeinfer.core.image.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The picture a person would rather look at: a copy of the image with the boxes and labels drawn
 * (detect), the mask laid over it (segment) or the top classes written on it (classify), as PNG.
 * Drawn with {@code java.awt} in memory, so it works headless. Where the JVM has no fonts (a
 * minimal board image), the boxes and mask are still drawn, without their text.
 */
public final class Annotation {
  private static final float MASK_ALPHA = 0.5f;

  private Annotation() {}

  /** The annotated image as PNG bytes. */
  public static byte[] png(RgbImage image, VisionResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(draw(image, result), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A copy of {@code image} with {@code result} drawn on it. */
  public static BufferedImage draw(RgbImage image, VisionResult result) {
    BufferedImage canvas = image.toBufferedImage();
    // Answers are in the photo's pixels; a subsampled image is 1/k of them across and down.
    int k = image.scale();
    if (result instanceof Segmentation s
        && s.width() == image.photoWidth()
        && s.height() == image.photoHeight()) {
      overlay(canvas, s, k);
    }
    Graphics2D g = canvas.createGraphics();
    g.setClip(0, 0, canvas.getWidth(), canvas.getHeight());
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int scale = Math.max(1, Math.min(canvas.getWidth(), canvas.getHeight()) / 300);
      g.setStroke(new BasicStroke(2f * scale));
      if (result instanceof Detections d) {
        for (Detection detection : d.detections()) {
          Box b = detection.box();
          Color colour = new Color(MaskPng.colour(1 + detection.category().index() % 20));
          g.setColor(colour);
          g.drawRect(b.x() / k, b.y() / k, b.width() / k, b.height() / k);
          label(g, scale, text(detection.category()), b.x() / k, b.y() / k, colour);
        }
      } else if (result instanceof Classification c) {
        int y = 0;
        for (Category category : c.classes()) {
          y += label(g, scale, text(category), 0, y, Color.BLACK);
        }
      } else if (result instanceof Segmentation s) {
        int y = 0;
        for (int category : s.categories()) {
          Color colour = new Color(MaskPng.colour(category));
          y += label(g, scale, s.label(category), 0, y, colour);
        }
      }
    } finally {
      g.dispose();
    }
    return canvas;
  }

  private static void overlay(BufferedImage canvas, Segmentation s, int k) {
    for (int y = 0; y < canvas.getHeight(); y++) {
      for (int x = 0; x < canvas.getWidth(); x++) {
        int category = s.category(Math.min(x * k, s.width() - 1), Math.min(y * k, s.height() - 1));
        if (category == 0) {
          continue; // background stays as it is
        }
        int over = MaskPng.colour(category);
        int under = canvas.getRGB(x, y);
        canvas.setRGB(x, y, blend(under, over));
      }
    }
  }

  private static int blend(int under, int over) {
    int out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      int u = (under >> shift) & 0xff;
      int o = (over >> shift) & 0xff;
      out |= Math.round(u * (1 - MASK_ALPHA) + o * MASK_ALPHA) << shift;
    }
    return out;
  }

  private static String text(Category category) {
    String name = category.label() != null ? category.label() : "class " + category.index();
    return name + String.format(Locale.ROOT, " %.2f", category.score());
  }

  /**
   * Writes {@code text} in white on a band of {@code colour} whose top-left corner is at {@code (x,
   * y)}, inside the image; returns the band's height (0 without fonts).
   */
  private static int label(Graphics2D g, int scale, String text, int x, int y, Color colour) {
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12 * scale));
      FontMetrics metrics = g.getFontMetrics();
      int width = metrics.stringWidth(text) + 4 * scale;
      int height = metrics.getHeight();
      int left = Math.max(0, Math.min(x, g.getClipBounds().width - width));
      g.setColor(colour);
      g.fillRect(left, y, width, height);
      g.setColor(Color.WHITE);
      g.drawString(text, left + 2 * scale, y + metrics.getAscent());
      return height;
    } catch (RuntimeException | LinkageError | InternalError e) {
      // No fonts (fontconfig or libfreetype missing): the shapes are drawn, the text is not.
      return 0;
    }
  }
}
