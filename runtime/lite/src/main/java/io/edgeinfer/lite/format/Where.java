package io.edgeinfer.lite.format;

import java.util.Locale;

/**
 * A place in the model, such as {@code subgraphs[0].tensors[3].shape}, for messages. Built as a
 * chain so that walking a large model costs one small object per step and the text is made only
 * when something is wrong.
 */
final class Where {
  static final Where ROOT = new Where(null, "model", -1);

  private final Where parent;
  private final String name;
  private final int index;

  private Where(Where parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  Where field(String field) {
    return new Where(this, field, -1);
  }

  Where element(String field, int elementIndex) {
    return new Where(this, field, elementIndex);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    append(out);
    return out.toString();
  }

  private void append(StringBuilder out) {
    if (parent != null && parent != ROOT) {
      parent.append(out);
      out.append('.');
    }
    out.append(name);
    if (index >= 0) {
      out.append('[').append(index).append(']');
    }
  }

  /** {@code 4,120}: byte counts and offsets with separators, the same in every locale. */
  static String bytes(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
