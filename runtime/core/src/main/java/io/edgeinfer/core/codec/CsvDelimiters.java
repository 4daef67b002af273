package io.edgeinfer.core.codec;

/**
 * Guesses a CSV file's cell separator from its first lines, for tables exported with semicolons
 * (spreadsheets in locales with decimal commas), tabs or pipes as well as commas.
 */
public final class CsvDelimiters {
  // Semicolon first: when it ties with commas, the commas are decimal commas.
  private static final char[] CANDIDATES = {';', ',', '\t', '|'};
  private static final int SAMPLED_LINES = 20;

  private CsvDelimiters() {}

  /**
   * The candidate that appears most often on every sampled line (the highest minimum count), so
   * that a semicolon file with decimal commas in some cells still reads as semicolons; a comma when
   * none appears.
   */
  public static char detect(String text) {
    String[] lines =
        text.lines().filter(l -> !l.isBlank()).limit(SAMPLED_LINES).toArray(String[]::new);
    char best = ',';
    int bestCount = 0;
    for (char candidate : CANDIDATES) {
      int fewest = Integer.MAX_VALUE;
      for (String line : lines) {
        fewest = Math.min(fewest, count(line, candidate));
      }
      if (lines.length > 0 && fewest > bestCount) {
        best = candidate;
        bestCount = fewest;
      }
    }
    return best;
  }

  /** Occurrences outside double quotes. */
  private static int count(String line, char c) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char at = line.charAt(i);
      if (at == '"') {
        quoted = !quoted;
      } else if (at == c && !quoted) {
        count++;
      }
    }
    return count;
  }
}
