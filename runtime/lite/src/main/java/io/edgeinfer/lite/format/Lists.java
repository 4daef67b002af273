package io.edgeinfer.lite.format;

import java.util.ArrayList;
import java.util.List;

/** Arrays of numbers as the immutable lists the records hold (records compare lists by value). */
final class Lists {
  private Lists() {}

  static List<Integer> ints(int[] values) {
    List<Integer> out = new ArrayList<>(values.length);
    for (int v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }

  static List<Float> floats(float[] values) {
    List<Float> out = new ArrayList<>(values.length);
    for (float v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }

  static List<Long> longs(long[] values) {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }
}
