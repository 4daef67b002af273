package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.io.NumberInput;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A growing row-major list of elements of one type, filled from text or from other elements.
 * Conversions that would change a value's meaning (a fraction into an integer, an out-of-range
 * integer, a bool for a number) fail through {@code fail}, which adds where it happened.
 */
final class ElementBuffer {
  private final DataType type;
  private final List<byte[]> strings;
  private ByteBuffer bytes;
  private int count;

  ElementBuffer(DataType type) {
    this.type = type;
    this.strings = type == DataType.STRING ? new ArrayList<>() : null;
    this.bytes =
        ByteBuffer.allocate(type == DataType.STRING ? 0 : 64 * type.byteSize())
            .order(ByteOrder.LITTLE_ENDIAN);
  }

  DataType type() {
    return type;
  }

  int count() {
    return count;
  }

  /**
   * A number written in decimal ({@code integral} when it has no fraction or exponent) or as {@code
   * NaN}, {@code Infinity} or {@code -Infinity}. Floats are parsed from the text itself, not
   * through double, so that every float32 round-trips exactly; by Jackson's copy of
   * FastDoubleParser, which rounds exactly as {@link Float#parseFloat} does in a fraction of its
   * time (the JDK's slow path took a quarter of serve's work per message).
   */
  void addNumber(String text, boolean integral, Function<String, MalformedInputException> fail) {
    switch (type) {
      case FLOAT32 -> room().putFloat(NumberInput.parseFloat(text, true));
      case FLOAT64 -> room().putDouble(NumberInput.parseDouble(text, true));
      case FLOAT16 -> room().putShort(Half.fromFloat(NumberInput.parseFloat(text, true)));
      case INT8, UINT8, INT32, INT64 -> {
        if (!integral) {
          throw fail.apply("expected an integer for " + type.label() + ", found " + text);
        }
        long value;
        try {
          value = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw fail.apply(rangeProblem(text));
        }
        putInteger(value, text, fail);
      }
      case BOOL -> throw fail.apply("expected true or false, found " + text);
      case STRING -> throw fail.apply("expected a string, found " + text);
    }
    count++;
  }

  void addBool(boolean value, Function<String, MalformedInputException> fail) {
    if (type != DataType.BOOL) {
      throw fail.apply(expectedValue() + ", found " + value);
    }
    room().put((byte) (value ? 1 : 0));
    count++;
  }

  void addString(byte[] value, Function<String, MalformedInputException> fail) {
    if (type != DataType.STRING) {
      throw fail.apply(expectedValue() + ", found a string");
    }
    strings.add(value);
    count++;
  }

  /** An element of an integer or bool tensor being converted to this type. */
  void addLong(long value, Function<String, MalformedInputException> fail) {
    switch (type) {
      // long -> float is one correctly rounded step; long -> double -> float would not be.
      case FLOAT32 -> room().putFloat((float) value);
      case FLOAT64 -> room().putDouble((double) value);
      case FLOAT16 -> room().putShort(Half.fromFloat((float) value));
      case INT8, UINT8, INT32, INT64 -> putInteger(value, Long.toString(value), fail);
      case BOOL -> putBool(value == 0 ? 0 : value == 1 ? 1 : -1, Long.toString(value), fail);
      case STRING -> throw fail.apply("expected a string, found " + value);
    }
    count++;
  }

  /** An element of a floating-point tensor being converted to this type. */
  void addDouble(double value, Function<String, MalformedInputException> fail) {
    String shown = Double.toString(value);
    switch (type) {
      case FLOAT32 -> room().putFloat((float) value);
      case FLOAT64 -> room().putDouble(value);
      case FLOAT16 -> room().putShort(Half.fromFloat((float) value));
      case INT8, UINT8, INT32, INT64 -> {
        if (value != Math.rint(value) || Double.isInfinite(value)) {
          throw fail.apply("expected an integer for " + type.label() + ", found " + shown);
        }
        if (value < -0x1p63 || value >= 0x1p63) {
          throw fail.apply(rangeProblem(shown));
        }
        putInteger((long) value, shown, fail);
      }
      case BOOL -> putBool(value == 0 ? 0 : value == 1 ? 1 : -1, shown, fail);
      case STRING -> throw fail.apply("expected a string, found " + shown);
    }
    count++;
  }

  Tensor toTensor(Shape shape) {
    if (type == DataType.STRING) {
      return Tensor.ofStrings(strings, strings.size()).reshape(shape);
    }
    return Tensor.of(type, shape, bytes.duplicate().flip());
  }

  /** "expected a float32 number" and the like, for a value of the wrong kind. */
  String expectedValue() {
    return switch (type) {
      case BOOL -> "expected true or false";
      case STRING -> "expected a string";
      default -> "expected a " + type.label() + " number";
    };
  }

  private void putInteger(
      long value, String shown, Function<String, MalformedInputException> fail) {
    switch (type) {
      case INT8 -> room().put((byte) inRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, shown, fail));
      case UINT8 -> room().put((byte) inRange(value, 0, 255, shown, fail));
      case INT32 ->
          room().putInt((int) inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE, shown, fail));
      default -> room().putLong(value);
    }
  }

  private void putBool(int bit, String shown, Function<String, MalformedInputException> fail) {
    if (bit < 0) {
      throw fail.apply("expected 0 or 1 for bool, found " + shown);
    }
    room().put((byte) bit);
  }

  private long inRange(
      long value,
      long min,
      long max,
      String shown,
      Function<String, MalformedInputException> fail) {
    if (value < min || value > max) {
      throw fail.apply(rangeProblem(shown));
    }
    return value;
  }

  private String rangeProblem(String shown) {
    String range =
        switch (type) {
          case INT8 -> "[-128, 127]";
          case UINT8 -> "[0, 255]";
          case INT32 -> "[" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]";
          default -> "[" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
        };
    String article = type == DataType.UINT8 ? "a " : "an ";
    return "expected " + article + type.label() + " value in " + range + ", found " + shown;
  }

  /** The buffer, grown if needed to take one more element. */
  private ByteBuffer room() {
    if (bytes.remaining() < type.byteSize()) {
      ByteBuffer bigger =
          ByteBuffer.allocate(Math.max(64, bytes.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
      bytes.flip();
      bigger.put(bytes);
      bytes = bigger;
    }
    return bytes;
  }
}
