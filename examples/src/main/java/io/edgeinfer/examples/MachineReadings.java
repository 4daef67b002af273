package io.edgeinfer.examples;

import io.edgeinfer.train.synthetic.Clusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a table as people export one from a spreadsheet or a logger: named columns separated by
 * semicolons, and the machine's state as text ({@code idle}, {@code running}, {@code fault}) in the
 * middle. {@value #ROWS} readings made from a fixed seed, so every build writes the same file.
 */
public final class MachineReadings {
  static final int ROWS = 600;
  static final String[] STATES = {"idle", "running", "fault"};

  private MachineReadings() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: MachineReadings OUTPUT.csv");
      System.exit(2);
    }
    // Four measurements; the first two carry the state, the others are noise, each on its own
    // scale.
    float[][] rows = Clusters.generate(ROWS, 4, STATES.length, 3.0, 1);
    StringBuilder csv = new StringBuilder("temperature;vibration;state;current;humidity\n");
    for (float[] row : rows) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%.2f;%.3f;%s;%.2f;%.1f%n",
              row[0],
              row[1],
              STATES[(int) row[4]],
              row[2],
              row[3]));
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, csv);
  }
}
