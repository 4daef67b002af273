package io.edgeinfer.lite.format;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry of the model's operator code table: which operator, and which version of it (a version
 * bump means new parameters). Operators refer to it by index.
 *
 * @param builtinCode the builtin operator's number; {@link BuiltinOperator#CUSTOM} for a custom op
 * @param customCode the custom op's name ({@code ""} for builtins)
 * @param version the operator version, 1 unless the converter needed newer behaviour
 */
public record LiteOpCode(int builtinCode, String customCode, int version) {
  public LiteOpCode {
    Objects.requireNonNull(customCode, "customCode");
    if (builtinCode < 0) {
      throw new IllegalArgumentException("expected a builtin code >= 0, found " + builtinCode);
    }
  }

  public static LiteOpCode of(BuiltinOperator op) {
    return new LiteOpCode(op.code(), "", 1);
  }

  public static LiteOpCode of(BuiltinOperator op, int version) {
    return new LiteOpCode(op.code(), "", version);
  }

  public static LiteOpCode custom(String name) {
    return new LiteOpCode(BuiltinOperator.CUSTOM.code(), name, 1);
  }

  /** The builtin operator, or empty for a code newer than {@link BuiltinOperator}. */
  public Optional<BuiltinOperator> builtin() {
    return BuiltinOperator.of(builtinCode);
  }

  public boolean is(BuiltinOperator op) {
    return builtinCode == op.code();
  }

  public boolean isCustom() {
    return is(BuiltinOperator.CUSTOM);
  }

  /**
   * How messages name the operator: {@code FULLY_CONNECTED}, {@code CUSTOM 'Foo'}, or {@code
   * builtin operator 250} for a code this build does not know; a version past 1 is appended ({@code
   * CONV_2D v3}).
   */
  public String displayName() {
    String name;
    if (isCustom()) {
      name = "CUSTOM '" + customCode + "'";
    } else {
      name = builtin().map(Enum::name).orElse("builtin operator " + builtinCode);
    }
    return version > 1 ? name + " v" + version : name;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
