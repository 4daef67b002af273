package io.edgeinfer.train.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** A learning-curve PNG, drawn with Java2D off screen, so it needs no display. */
public final class LearningCurvePlot {
  static final int WIDTH = 900;
  static final int HEIGHT = 400;

  /** Matplotlib's first two colours, which readers of learning curves know. */
  static final Color TRAINING = new Color(0x1f, 0x77, 0xb4);

  static final Color VALIDATION = new Color(0xff, 0x7f, 0x0e);

  private static final int TITLE_HEIGHT = 36;

  private LearningCurvePlot() {}

  /**
   * Writes a 900x400 PNG: loss and validation loss on the left, accuracy and validation accuracy on
   * the right; only the loss, across the whole width, when no accuracy was recorded (regression).
   */
  public static void write(History history, String title, Path png) throws IOException {
    List<EpochRecord> epochs = history.epochs();
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("expected at least one epoch to plot, found none");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2, 24);
      List<Series> loss =
          List.of(
              series("loss", TRAINING, false, epochs, EpochRecord::loss),
              series("validation loss", VALIDATION, true, epochs, EpochRecord::validationLoss));
      List<Series> accuracy =
          List.of(
              series("accuracy", TRAINING, false, epochs, EpochRecord::accuracy),
              series(
                  "validation accuracy",
                  VALIDATION,
                  true,
                  epochs,
                  EpochRecord::validationAccuracy));
      int panelHeight = HEIGHT - TITLE_HEIGHT;
      if (accuracy.stream().anyMatch(Series::hasData)) {
        Chart.draw(g, new Rectangle(0, TITLE_HEIGHT, WIDTH / 2, panelHeight), "loss", loss);
        Chart.draw(
            g,
            new Rectangle(WIDTH / 2, TITLE_HEIGHT, WIDTH / 2, panelHeight),
            "accuracy",
            accuracy);
      } else {
        Chart.draw(g, new Rectangle(0, TITLE_HEIGHT, WIDTH, panelHeight), "loss", loss);
      }
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer is available in this Java runtime");
    }
  }

  private static Series series(
      String name,
      Color color,
      boolean dashed,
      List<EpochRecord> epochs,
      ToDoubleFunction<EpochRecord> metric) {
    int[] numbers = new int[epochs.size()];
    double[] values = new double[epochs.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = epochs.get(i).epoch();
      values[i] = metric.applyAsDouble(epochs.get(i));
    }
    return new Series(name, color, dashed, numbers, values);
  }
}
