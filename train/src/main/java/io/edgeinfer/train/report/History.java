package io.edgeinfer.train.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The epochs of a training run, in order, saved as CSV for plotting tools and later runs. */
public final class History {
  private static final List<String> HEADER =
      List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds");

  private final List<EpochRecord> epochs = new ArrayList<>();

  public void add(EpochRecord record) {
    epochs.add(record);
  }

  /** The epochs so far, as an unmodifiable copy. */
  public List<EpochRecord> epochs() {
    return List.copyOf(epochs);
  }

  /**
   * Writes {@code epoch,loss,accuracy,val_loss,val_accuracy,seconds}, one row per epoch; a metric
   * that is not known (NaN) is an empty cell, which pandas and spreadsheets read as missing.
   */
  public void writeCsv(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer =
            new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      printer.printRecord(HEADER);
      for (EpochRecord e : epochs) {
        printer.printRecord(
            Integer.toString(e.epoch()),
            cell(e.loss()),
            cell(e.accuracy()),
            cell(e.validationLoss()),
            cell(e.validationAccuracy()),
            cell(e.seconds()));
      }
    }
  }

  /**
   * Reads a file written by {@link #writeCsv}.
   *
   * @throws IOException when the file cannot be read or is not such a history, saying where
   */
  public static History readCsv(Path file) throws IOException {
    History history = new History();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
      boolean header = true;
      for (CSVRecord record : parser) {
        // Each record is one line: the history has no quoted line breaks.
        long line = record.getRecordNumber();
        List<String> cells = record.toList();
        if (header) {
          if (!cells.equals(HEADER)) {
            throw new IOException(
                "expected the header "
                    + String.join(",", HEADER)
                    + " on line 1 of "
                    + file
                    + ", found "
                    + String.join(",", cells));
          }
          header = false;
          continue;
        }
        if (cells.size() != HEADER.size()) {
          throw new IOException(
              "expected "
                  + HEADER.size()
                  + " cells on line "
                  + line
                  + " of "
                  + file
                  + ", found "
                  + cells.size());
        }
        history.add(
            new EpochRecord(
                (int) number(cells.get(0), file, line, 1),
                number(cells.get(1), file, line, 2),
                number(cells.get(2), file, line, 3),
                number(cells.get(3), file, line, 4),
                number(cells.get(4), file, line, 5),
                number(cells.get(5), file, line, 6)));
      }
      if (header) {
        throw new IOException(
            "expected the header "
                + String.join(",", HEADER)
                + " on line 1 of "
                + file
                + ", found an empty file");
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return history;
  }

  private static String cell(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static double number(String cell, Path file, long line, int column) throws IOException {
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IOException(
          "expected a number on line "
              + line
              + ", column "
              + column
              + " of "
              + file
              + ", found '"
              + cell
              + "'");
    }
  }
}
