package io.edgeinfer.examples.readme;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a README shows a command printing, with doctest's ellipsis: {@code ...} inside a line stands
 * for any text (a time, the last digits of a loss), and a line that is only {@code ...} for any
 * number of lines, none included. Everything else must match exactly; trailing spaces are ignored.
 */
final class OutputPattern {
  static final String ELLIPSIS = "...";

  private final List<String> expected;

  OutputPattern(List<String> expected) {
    this.expected = expected.stream().map(String::stripTrailing).toList();
  }

  boolean matches(String output) {
    List<String> actual =
        output.isEmpty()
            ? List.of()
            : Arrays.stream(output.split("\n", -1)).map(String::stripTrailing).toList();
    if (!actual.isEmpty() && actual.get(actual.size() - 1).isEmpty()) {
      actual = actual.subList(0, actual.size() - 1);
    }
    return matches(0, actual, 0, new Boolean[expected.size() + 1][actual.size() + 1]);
  }

  private boolean matches(int e, List<String> actual, int a, Boolean[][] memo) {
    if (memo[e][a] != null) {
      return memo[e][a];
    }
    boolean result;
    if (e == expected.size()) {
      result = a == actual.size();
    } else if (expected.get(e).equals(ELLIPSIS)) {
      result =
          matches(e + 1, actual, a, memo) || (a < actual.size() && matches(e, actual, a + 1, memo));
    } else {
      result =
          a < actual.size()
              && line(expected.get(e)).matcher(actual.get(a)).matches()
              && matches(e + 1, actual, a + 1, memo);
    }
    memo[e][a] = result;
    return result;
  }

  static Pattern line(String expected) {
    return Pattern.compile(
        Arrays.stream(expected.split(Pattern.quote(ELLIPSIS), -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*")));
  }
}
