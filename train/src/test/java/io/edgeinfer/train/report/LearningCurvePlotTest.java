package io.edgeinfer.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvePlotTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    // Before anything touches AWT: build machines have no display.
    System.setProperty("java.awt.headless", "true");
  }

  private static History history(int epochs, boolean classification) {
    History history = new History();
    for (int e = 1; e <= epochs; e++) {
      double loss = 1.0 / e;
      history.add(
          new EpochRecord(
              e,
              loss,
              classification ? 1 - loss / 2 : Double.NaN,
              loss * 1.2,
              classification ? 1 - loss / 1.8 : Double.NaN,
              0.5));
    }
    return history;
  }

  private BufferedImage plot(History history, String name) throws IOException {
    Path png = dir.resolve(name);
    LearningCurvePlot.write(history, "mnist: 2 hidden layers", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(900, image.getWidth());
    assertEquals(400, image.getHeight());
    return image;
  }

  /** How many pixels in the region have the colour, or one close to it (anti-aliasing). */
  private static int count(BufferedImage image, Color color, int x0, int x1) {
    int found = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = x0; x < x1; x++) {
        Color pixel = new Color(image.getRGB(x, y));
        if (Math.abs(pixel.getRed() - color.getRed())
                + Math.abs(pixel.getGreen() - color.getGreen())
                + Math.abs(pixel.getBlue() - color.getBlue())
            < 30) {
          found++;
        }
      }
    }
    return found;
  }

  @Test
  void classificationHasLossLeftAndAccuracyRight() throws IOException {
    BufferedImage image = plot(history(20, true), "classification.png");
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 10, "a blank image: " + colours.size() + " colours");
    for (int[] half : new int[][] {{0, 450}, {450, 900}}) {
      assertTrue(count(image, LearningCurvePlot.TRAINING, half[0], half[1]) > 200);
      assertTrue(count(image, LearningCurvePlot.VALIDATION, half[0], half[1]) > 100);
    }
  }

  @Test
  void regressionHasOnlyTheLossAcrossTheWidth() throws IOException {
    BufferedImage image = plot(history(8, false), "regression.png");
    // The loss falls from the top left to the bottom right: its colour is on both halves.
    assertTrue(count(image, LearningCurvePlot.TRAINING, 0, 450) > 100);
    assertTrue(count(image, LearningCurvePlot.TRAINING, 450, 900) > 100);
  }

  @Test
  void oneEpochAndNoValidationStillPlot() throws IOException {
    History history = new History();
    history.add(new EpochRecord(1, 0.7, 0.6, Double.NaN, Double.NaN, 0.2));
    BufferedImage image = plot(history, "one.png");
    assertTrue(count(image, LearningCurvePlot.TRAINING, 0, 900) > 20);
    assertEquals(0, count(image, LearningCurvePlot.VALIDATION, 0, 900));
  }

  @Test
  void anEmptyHistoryIsRefused() {
    assertEquals(
        "expected at least one epoch to plot, found none",
        assertThrows(
                IllegalArgumentException.class,
                () -> LearningCurvePlot.write(new History(), "t", dir.resolve("x.png")))
            .getMessage());
  }
}
