package io.edgeinfer.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;

/** One panel of a learning curve: axes with ticks and labels, the series, a legend. */
final class Chart {
  private static final Color AXIS = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xe6, 0xe6, 0xe6);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** Markers only while they stay apart. */
  private static final int MAX_MARKERS = 60;

  private final Graphics2D g;
  private final Rectangle plot;
  private double xLow;
  private double xHigh;
  private double yLow;
  private double yHigh;

  private Chart(Graphics2D g, Rectangle bounds) {
    this.g = g;
    // Room on the left for tick labels and the y label, below for the same on x.
    this.plot = new Rectangle(bounds.x + 70, bounds.y + 10, bounds.width - 90, bounds.height - 55);
  }

  /** Draws a panel within {@code bounds}. */
  static void draw(Graphics2D g, Rectangle bounds, String yLabel, List<Series> series) {
    new Chart(g, bounds).draw(yLabel, series);
  }

  private void draw(String yLabel, List<Series> series) {
    g.setFont(FONT);
    int firstEpoch = Integer.MAX_VALUE;
    int lastEpoch = Integer.MIN_VALUE;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.values().length; i++) {
        firstEpoch = Math.min(firstEpoch, s.epochs()[i]);
        lastEpoch = Math.max(lastEpoch, s.epochs()[i]);
        if (Double.isFinite(s.values()[i])) {
          min = Math.min(min, s.values()[i]);
          max = Math.max(max, s.values()[i]);
        }
      }
    }
    // One epoch still gets an axis of some width; a flat curve a band around its value.
    xLow = firstEpoch == lastEpoch ? firstEpoch - 1 : firstEpoch;
    xHigh = firstEpoch == lastEpoch ? lastEpoch + 1 : lastEpoch;
    if (min > max) {
      min = 0;
      max = 1;
    } else if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double yStep = Ticks.step(max - min, 5);
    yLow = Math.floor(min / yStep) * yStep;
    yHigh = Math.ceil(max / yStep) * yStep;
    axes(Math.max(1, Math.round(Ticks.step(xHigh - xLow, 8))), yStep, yLabel);
    for (Series s : series) {
      line(s);
    }
    legend(series);
  }

  private void axes(double xStep, double yStep, String yLabel) {
    FontMetrics metrics = g.getFontMetrics();
    g.setStroke(new BasicStroke(1f));
    for (double y : Ticks.within(yLow, yHigh, yStep)) {
      double py = py(y);
      g.setColor(GRID);
      g.draw(new Line2D.Double(plot.x, py, plot.getMaxX(), py));
      g.setColor(AXIS);
      String label = Ticks.label(y, yStep);
      g.drawString(
          label,
          plot.x - 8 - metrics.stringWidth(label),
          (float) (py + metrics.getAscent() / 2.0 - 1));
    }
    for (double x : Ticks.within(xLow, xHigh, xStep)) {
      double px = px(x);
      g.setColor(AXIS);
      g.draw(new Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() + 5));
      String label = Ticks.label(x, 1);
      g.drawString(
          label,
          (float) (px - metrics.stringWidth(label) / 2.0),
          (float) plot.getMaxY() + 8 + metrics.getAscent());
    }
    g.setColor(AXIS);
    g.drawLine(plot.x, plot.y, plot.x, (int) plot.getMaxY());
    g.drawLine(plot.x, (int) plot.getMaxY(), (int) plot.getMaxX(), (int) plot.getMaxY());
    g.drawString(
        "epoch",
        (float) (plot.getCenterX() - metrics.stringWidth("epoch") / 2.0),
        (float) plot.getMaxY() + 12 + 2 * metrics.getAscent());
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    // After rotating, x runs up the image (negated) and y runs right.
    g.drawString(
        yLabel,
        (float) (-plot.getCenterY() - metrics.stringWidth(yLabel) / 2.0),
        (float) (plot.x - 52));
    g.setTransform(saved);
  }

  private void line(Series s) {
    g.setColor(s.color());
    g.setStroke(stroke(s.dashed()));
    double[] values = s.values();
    int[] epochs = s.epochs();
    for (int i = 1; i < values.length; i++) {
      if (Double.isFinite(values[i - 1]) && Double.isFinite(values[i])) {
        g.draw(
            new Line2D.Double(px(epochs[i - 1]), py(values[i - 1]), px(epochs[i]), py(values[i])));
      }
    }
    if (values.length <= MAX_MARKERS) {
      for (int i = 0; i < values.length; i++) {
        if (Double.isFinite(values[i])) {
          g.fill(new Ellipse2D.Double(px(epochs[i]) - 3, py(values[i]) - 3, 6, 6));
        }
      }
    }
  }

  private void legend(List<Series> series) {
    List<Series> shown = series.stream().filter(Series::hasData).toList();
    if (shown.isEmpty()) {
      return;
    }
    FontMetrics metrics = g.getFontMetrics();
    int textWidth = 0;
    for (Series s : shown) {
      textWidth = Math.max(textWidth, metrics.stringWidth(s.name()));
    }
    int rowHeight = metrics.getHeight() + 2;
    int width = 36 + textWidth + 10;
    int height = rowHeight * shown.size() + 8;
    Rectangle box = freeCorner(series, width, height);
    int x = box.x;
    int y = box.y;
    g.setColor(new Color(255, 255, 255, 220));
    g.fillRect(x, y, width, height);
    g.setColor(GRID.darker());
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, width, height);
    for (int i = 0; i < shown.size(); i++) {
      Series s = shown.get(i);
      int middle = y + 4 + rowHeight * i + rowHeight / 2;
      g.setColor(s.color());
      g.setStroke(stroke(s.dashed()));
      g.drawLine(x + 8, middle, x + 30, middle);
      g.setColor(AXIS);
      g.drawString(s.name(), x + 36, middle + metrics.getAscent() / 2 - 1);
    }
  }

  /**
   * The corner of the plot whose legend-sized box covers the fewest points: top right for a falling
   * loss, bottom right for a rising accuracy.
   */
  private Rectangle freeCorner(List<Series> series, int width, int height) {
    int right = (int) plot.getMaxX() - width - 6;
    int left = plot.x + 6;
    int top = plot.y + 6;
    int bottom = (int) plot.getMaxY() - height - 6;
    Rectangle best = null;
    int fewest = Integer.MAX_VALUE;
    for (int[] corner : new int[][] {{right, top}, {right, bottom}, {left, top}, {left, bottom}}) {
      Rectangle box = new Rectangle(corner[0], corner[1], width, height);
      // A margin, so that a curve passing just by the box counts too.
      Rectangle near = new Rectangle(box.x - 6, box.y - 6, box.width + 12, box.height + 12);
      int covered = 0;
      for (Series s : series) {
        for (int i = 0; i < s.values().length; i++) {
          if (Double.isFinite(s.values()[i])
              && near.contains(px(s.epochs()[i]), py(s.values()[i]))) {
            covered++;
          }
        }
      }
      if (covered < fewest) {
        fewest = covered;
        best = box;
      }
    }
    return best;
  }

  private static Stroke stroke(boolean dashed) {
    return dashed
        ? new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
        : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  private double px(double x) {
    return plot.x + (x - xLow) / (xHigh - xLow) * plot.width;
  }

  private double py(double y) {
    return plot.getMaxY() - (y - yLow) / (yHigh - yLow) * plot.height;
  }
}
