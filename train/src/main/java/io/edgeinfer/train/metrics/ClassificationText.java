package io.edgeinfer.train.metrics;

import java.util.List;

/** The text table of a {@link ClassificationReport}, columns sized to the longest label. */
final class ClassificationText {
  private ClassificationText() {}

  static String render(ClassificationReport report) {
    List<String> labels = report.labels();
    int labelWidth = "class".length();
    for (String label : labels) {
      labelWidth = Math.max(labelWidth, label.length());
    }
    StringBuilder out = new StringBuilder();
    out.append("rows      ").append(report.count()).append('\n');
    out.append("accuracy  ").append(Numbers.format(report.accuracy())).append('\n');
    out.append("loss      ").append(Numbers.format(report.loss())).append('\n');
    out.append("macro F1  ").append(Numbers.format(report.macroF1())).append("\n\n");
    out.append(pad("class", -labelWidth))
        .append(pad("precision", 11))
        .append(pad("recall", 8))
        .append(pad("f1", 8))
        .append(pad("support", 9))
        .append('\n');
    for (ClassMetrics metrics : report.perClass()) {
      out.append(pad(metrics.label(), -labelWidth))
          .append(pad(Numbers.format(metrics.precision()), 11))
          .append(pad(Numbers.format(metrics.recall()), 8))
          .append(pad(Numbers.format(metrics.f1()), 8))
          .append(pad(Integer.toString(metrics.support()), 9))
          .append('\n');
    }
    out.append("\nconfusion (rows: truth, columns: predicted)\n");
    int[][] confusion = report.confusion();
    int cellWidth = 1;
    for (int c = 0; c < labels.size(); c++) {
      cellWidth = Math.max(cellWidth, labels.get(c).length());
      for (int[] row : confusion) {
        cellWidth = Math.max(cellWidth, Integer.toString(row[c]).length());
      }
    }
    out.append(pad("", -labelWidth));
    for (String label : labels) {
      out.append(pad(label, cellWidth + 2));
    }
    out.append('\n');
    for (int t = 0; t < labels.size(); t++) {
      out.append(pad(labels.get(t), -labelWidth));
      for (int count : confusion[t]) {
        out.append(pad(Integer.toString(count), cellWidth + 2));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Right-aligned in {@code width} characters, or left-aligned for a negative width. */
  private static String pad(String text, int width) {
    int room = Math.abs(width) - text.length();
    if (room <= 0) {
      return text;
    }
    String spaces = " ".repeat(room);
    return width < 0 ? text + spaces : spaces + text;
  }
}
