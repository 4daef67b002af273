package io.edgeinfer.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
  @TempDir Path dir;

  @Test
  void roundTripsThroughCsv() throws IOException {
    History history = new History();
    history.add(new EpochRecord(1, 0.9, 0.5, 1.0, 0.45, 1.25));
    history.add(new EpochRecord(2, 0.4123, 0.8711, 0.442, 0.86, 0.8));
    Path file = dir.resolve("history.csv");
    history.writeCsv(file);
    assertEquals(
        "epoch,loss,accuracy,val_loss,val_accuracy,seconds\n"
            + "1,0.9,0.5,1.0,0.45,1.25\n"
            + "2,0.4123,0.8711,0.442,0.86,0.8\n",
        Files.readString(file));
    assertEquals(history.epochs(), History.readCsv(file).epochs());
  }

  @Test
  void unknownMetricsAreEmptyCells() throws IOException {
    History history = new History();
    history.add(new EpochRecord(1, 2.5, Double.NaN, Double.NaN, Double.NaN, 0.1));
    Path file = dir.resolve("regression.csv");
    history.writeCsv(file);
    assertTrue(Files.readString(file).endsWith("\n1,2.5,,,,0.1\n"));
    EpochRecord read = History.readCsv(file).epochs().get(0);
    assertEquals(2.5, read.loss());
    assertTrue(Double.isNaN(read.accuracy()));
    assertTrue(Double.isNaN(read.validationLoss()));
  }

  @Test
  void epochsIsACopy() {
    History history = new History();
    List<EpochRecord> before = history.epochs();
    history.add(new EpochRecord(1, 1, 1, 1, 1, 1));
    assertEquals(0, before.size());
    assertThrows(
        UnsupportedOperationException.class,
        () -> history.epochs().add(new EpochRecord(2, 1, 1, 1, 1, 1)));
  }

  @Test
  void badFilesSayWhere() throws IOException {
    Path wrongHeader = write("a.csv", "epoch,loss\n1,2\n");
    assertEquals(
        "expected the header epoch,loss,accuracy,val_loss,val_accuracy,seconds on line 1 of "
            + wrongHeader
            + ", found epoch,loss",
        assertThrows(IOException.class, () -> History.readCsv(wrongHeader)).getMessage());
    Path badCell = write("b.csv", "epoch,loss,accuracy,val_loss,val_accuracy,seconds\n1,x,,,,1\n");
    assertEquals(
        "expected a number on line 2, column 2 of " + badCell + ", found 'x'",
        assertThrows(IOException.class, () -> History.readCsv(badCell)).getMessage());
    Path empty = write("c.csv", "");
    assertTrue(
        assertThrows(IOException.class, () -> History.readCsv(empty))
            .getMessage()
            .endsWith("found an empty file"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
