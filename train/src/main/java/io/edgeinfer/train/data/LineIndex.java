package io.edgeinfer.train.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Maps a character position in a text to its 1-based line (\n, \r\n and \r end lines). */
final class LineIndex {
  private final String text;
  private final int[] starts;

  LineIndex(String text) {
    this.text = text;
    List<Integer> found = new ArrayList<>();
    found.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        found.add(i + 1);
      }
    }
    starts = found.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The line of a CSV record that commons-csv says starts at {@code position}: it reports where the
   * previous record ended, before any blank lines it skipped, so those are skipped here too.
   */
  int lineOf(long position) {
    int i = (int) position;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int index = Arrays.binarySearch(starts, i);
    return index >= 0 ? index + 1 : -index - 1;
  }
}
