package io.edgeinfer.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Splits a {@link TextTable} into float features and a label column (numbers or class names). */
final class TableColumns {
  private TableColumns() {}

  static Dataset toDataset(TextTable table, LabelColumn labelColumn, String source, String sha256) {
    int columns = table.width();
    Optional<List<String>> counted =
        CountsHeader.classNames(table.header(), table.rows().size(), columns);
    List<String> names = counted.isPresent() ? List.of() : table.header();
    if (!names.isEmpty() && names.size() != columns) {
      throw new DataException(
          "expected the header on line "
              + table.headerLine()
              + " to name "
              + columns
              + " columns like line "
              + table.rows().get(0).line()
              + ", found "
              + names.size()
              + " (a header of counts, as scikit-learn writes, starts with the number of rows, "
              + table.rows().size()
              + ", and of features, "
              + (columns - 1)
              + ")");
    }
    int label = labelColumn.resolve(columns, names);
    if (columns < 2) {
      throw new DataException(
          "expected at least 2 columns (features and a label), found " + columns);
    }
    float[][] features = new float[table.rows().size()][columns - 1];
    List<String> labelCells = new ArrayList<>();
    for (int r = 0; r < features.length; r++) {
      TextTable.Row row = table.rows().get(r);
      for (int c = 0, f = 0; c < columns; c++) {
        if (c == label) {
          labelCells.add(row.cells().get(c));
        } else {
          features[r][f++] = Cells.number(row.cells().get(c), row.line(), c + 1);
        }
      }
    }
    boolean textLabels = labelCells.stream().anyMatch(cell -> !Cells.isNumeric(cell));
    if (textLabels) {
      return textLabels(table, features, labelCells, label, source, sha256);
    }
    float[] labels = new float[features.length];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = Cells.number(labelCells.get(r), table.rows().get(r).line(), label + 1);
    }
    List<String> classNames = counted.orElse(List.of());
    if (!classNames.isEmpty()) {
      checkClassIds(table, labels, classNames, label);
    }
    return new Dataset(features, labels, classNames, source, sha256);
  }

  /** Class names in the label column: classes in sorted order, as scikit-learn's LabelEncoder. */
  private static Dataset textLabels(
      TextTable table,
      float[][] features,
      List<String> cells,
      int label,
      String source,
      String sha256) {
    for (int r = 0; r < cells.size(); r++) {
      if (cells.get(r).isEmpty()) {
        throw new DataException(
            "expected a class label at line "
                + table.rows().get(r).line()
                + ", column "
                + (label + 1)
                + ", found an empty cell");
      }
    }
    List<String> classNames = new ArrayList<>(new TreeSet<>(cells));
    float[] labels = new float[cells.size()];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = classNames.indexOf(cells.get(r));
    }
    return new Dataset(features, labels, classNames, source, sha256);
  }

  private static void checkClassIds(
      TextTable table, float[] labels, List<String> classNames, int label) {
    for (int r = 0; r < labels.length; r++) {
      float value = labels[r];
      if (value != Math.rint(value) || value < 0 || value >= classNames.size()) {
        throw new DataException(
            "expected a class id 0.."
                + (classNames.size() - 1)
                + " (the header on line "
                + table.headerLine()
                + " names "
                + classNames.size()
                + " classes) at line "
                + table.rows().get(r).line()
                + ", column "
                + (label + 1)
                + ", found "
                + table.rows().get(r).cells().get(label));
      }
    }
  }
}
