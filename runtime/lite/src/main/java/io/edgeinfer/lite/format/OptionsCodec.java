package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * The builtin options tables in both directions: a union member number and table to an {@link
 * OperatorOptions} record, and back, through each table's one description in {@link OptionsTables}.
 */
final class OptionsCodec {
  private OptionsCodec() {}

  /**
   * Decodes the options of union member {@code type}; {@code t} may be absent (reads as defaults).
   *
   * @throws IllegalArgumentException for values the format does not define or the record refuses
   */
  static OperatorOptions decode(int type, FlatTable t) {
    if (type == Schema.Options.NONE) {
      return new OperatorOptions.None();
    }
    return OptionsTables.byMember(type)
        .<OperatorOptions>map(table -> table.decode(t))
        .orElseGet(() -> new OperatorOptions.Other(type));
  }

  /** A builtin_options value written: the union member number and the table's offset. */
  record Encoded(int type, int offset) {}

  /**
   * Writes the options table (nothing for {@link OperatorOptions.None}).
   *
   * @throws IllegalArgumentException for {@link OperatorOptions.Other}, whose fields are unknown
   */
  static Encoded encode(FlatBufferBuilder b, OperatorOptions options) {
    if (options instanceof OperatorOptions.None) {
      return new Encoded(Schema.Options.NONE, 0);
    }
    if (options instanceof OperatorOptions.Other other) {
      throw new IllegalArgumentException(
          "cannot write builtin options of union member "
              + other.type()
              + ": edgeinfer does not know that table's fields");
    }
    OptionsTable<?> table =
        OptionsTables.of(options)
            .orElseThrow(() -> new AssertionError("options kind without a table: " + options));
    return new Encoded(table.member(), table.encode(b, options));
  }
}
