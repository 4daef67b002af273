package io.edgeinfer.profiles;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a profile is the board this runs on. A profile with model patterns names a board: it matches
 * when one pattern is found in the board's model string (from {@code /proc/device-tree/model}) and
 * the memory is in range. A profile without patterns is a fallback for its architecture, chosen by
 * memory when no named board matches.
 *
 * @param modelPatterns regular expressions, searched for in the model string
 * @param minMemoryMb the least physical memory (MemTotal) of the board, inclusive
 * @param maxMemoryMb the most, inclusive; {@link Long#MAX_VALUE} for no limit
 */
public record DetectionRules(List<String> modelPatterns, long minMemoryMb, long maxMemoryMb) {
  public DetectionRules {
    modelPatterns = List.copyOf(modelPatterns);
    for (String pattern : modelPatterns) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "field 'detect.model': expected regular expressions, found '"
                + pattern
                + "' ("
                + e.getDescription()
                + ")");
      }
    }
    if (minMemoryMb < 0 || maxMemoryMb < minMemoryMb) {
      throw new IllegalArgumentException(
          "field 'detect.max-memory-mb': expected min-memory-mb <= max-memory-mb, found "
              + minMemoryMb
              + " and "
              + maxMemoryMb);
    }
  }

  public boolean namesBoard() {
    return !modelPatterns.isEmpty();
  }

  /** The first pattern found in {@code model}, or null. */
  public String patternFoundIn(String model) {
    for (String pattern : modelPatterns) {
      if (Pattern.compile(pattern).matcher(model).find()) {
        return pattern;
      }
    }
    return null;
  }

  public boolean memoryInRange(long memoryMb) {
    return memoryMb >= minMemoryMb && memoryMb <= maxMemoryMb;
  }

  /** The range as people read it, e.g. {@code 2049-4096 MB} or {@code >= 4097 MB}. */
  public String memoryRange() {
    if (maxMemoryMb == Long.MAX_VALUE) {
      return minMemoryMb == 0 ? "any memory" : ">= " + minMemoryMb + " MB";
    }
    if (minMemoryMb == 0) {
      return "<= " + maxMemoryMb + " MB";
    }
    return minMemoryMb + "-" + maxMemoryMb + " MB";
  }
}
