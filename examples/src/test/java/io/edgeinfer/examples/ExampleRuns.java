package io.edgeinfer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the edgeinfer command as the examples' READMEs do, with stdout captured. */
final class ExampleRuns {
  private ExampleRuns() {}

  static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run(args), () -> buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** The accuracy figure from a printed classification report ("accuracy 0.9666"). */
  static double accuracy(String report) {
    for (String line : report.split("\n")) {
      if (line.startsWith("accuracy ")) {
        return Double.parseDouble(line.substring("accuracy".length()).strip());
      }
    }
    throw new AssertionError("no accuracy line in:\n" + report);
  }
}
