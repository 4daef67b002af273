package io.edgeinfer.train.data;

import java.util.List;

/**
 * A CSV file as text cells, before any cell is read as a number.
 *
 * @param header the first row's cells when it is a header, else empty
 * @param headerLine the header's 1-based line, 0 when there is none
 * @param rows the data rows, all of one width
 */
record TextTable(List<String> header, int headerLine, List<Row> rows) {
  TextTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** One data row and the 1-based line it starts on. */
  record Row(int line, List<String> cells) {
    Row {
      cells = List.copyOf(cells);
    }
  }

  int width() {
    return rows.get(0).cells().size();
  }
}
