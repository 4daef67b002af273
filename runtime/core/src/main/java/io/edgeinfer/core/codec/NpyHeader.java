package io.edgeinfer.core.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python dict literal of an NPY header, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (3, 4), }}. Only the literals NumPy writes are understood: strings, True/False and
 * tuples of integers.
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

  /** Parses {@code text}, which starts at byte {@code offset} of the file (for messages). */
  static NpyHeader parse(String text, int offset) {
    Map<String, Object> dict = new Parser(text, offset).dict();
    Object descr = dict.get("descr");
    Object fortran = dict.get("fortran_order");
    Object shape = dict.get("shape");
    if (descr == null || fortran == null || shape == null) {
      throw new MalformedInputException(
          "expected 'descr', 'fortran_order' and 'shape' in the NPY header, found "
              + dict.keySet()
              + " at byte "
              + offset);
    }
    if (!(descr instanceof String descrText)) {
      throw new MalformedInputException(
          "expected a dtype string for 'descr', found "
              + descr
              + " in the NPY header at byte "
              + offset);
    }
    if (!(fortran instanceof Boolean fortranOrder) || !(shape instanceof long[] dims)) {
      throw new MalformedInputException(
          "expected True/False for 'fortran_order' and a tuple of integers for 'shape', found "
              + fortran
              + " and "
              + shape
              + " in the NPY header at byte "
              + offset);
    }
    return new NpyHeader(descrText, fortranOrder, dims);
  }

  /** The header as NumPy writes it, without padding. */
  String format() {
    StringBuilder tuple = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      tuple.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    tuple.append(shape.length == 1 ? ",)" : ")");
    return "{'descr': '"
        + descr
        + "', 'fortran_order': "
        + (fortranOrder ? "True" : "False")
        + ", 'shape': "
        + tuple
        + ", }";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NpyHeader that
        && descr.equals(that.descr)
        && fortranOrder == that.fortranOrder
        && Arrays.equals(shape, that.shape);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * descr.hashCode() + Boolean.hashCode(fortranOrder)) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return format();
  }

  /** A recursive-descent reader of the few Python literals a header holds. */
  private static final class Parser {
    private final String text;
    private final int offset;
    private int pos;

    Parser(String text, int offset) {
      this.text = text;
      this.offset = offset;
    }

    Map<String, Object> dict() {
      expect('{');
      Map<String, Object> dict = new LinkedHashMap<>();
      while (peek() != '}') {
        String key = string();
        expect(':');
        dict.put(key, value());
        if (peek() != '}') {
          expect(',');
        }
      }
      expect('}');
      return dict;
    }

    private Object value() {
      char c = peek();
      if (c == '\'' || c == '"') {
        return string();
      }
      if (c == '(') {
        return tuple();
      }
      if (text.startsWith("True", pos)) {
        pos += 4;
        return true;
      }
      if (text.startsWith("False", pos)) {
        pos += 5;
        return false;
      }
      if (c == '[') {
        throw new MalformedInputException(
            "expected a dtype string (structured arrays are not supported), found a list at byte "
                + (offset + pos));
      }
      throw error("a string, True, False or a tuple");
    }

    private long[] tuple() {
      expect('(');
      List<Long> dims = new ArrayList<>();
      while (peek() != ')') {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
        if (start == pos) {
          throw error("a dimension (a non-negative integer)");
        }
        try {
          dims.add(Long.parseLong(text.substring(start, pos)));
        } catch (NumberFormatException e) {
          pos = start;
          throw error("a dimension below 2^63");
        }
        if (pos < text.length() && text.charAt(pos) == 'L') {
          pos++; // Python 2 wrote long integers as 3L.
        }
        if (peek() != ')') {
          expect(',');
        }
      }
      expect(')');
      return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private String string() {
      char quote = peek();
      if (quote != '\'' && quote != '"') {
        throw error("a quoted key");
      }
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw error("a closing " + quote);
      }
      String value = text.substring(pos + 1, end);
      pos = end + 1;
      return value;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "'");
      }
      pos++;
    }

    /** The next character that is not white space, or 0 at the end. */
    private char peek() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return pos < text.length() ? text.charAt(pos) : 0;
    }

    private MalformedInputException error(String expected) {
      String found =
          pos >= text.length()
              ? "the end of the header"
              : "'" + text.substring(pos, Math.min(text.length(), pos + 12)).strip() + "'";
      return new MalformedInputException(
          "expected "
              + expected
              + " in the NPY header, found "
              + found
              + " at byte "
              + (offset + pos));
    }
  }
}
