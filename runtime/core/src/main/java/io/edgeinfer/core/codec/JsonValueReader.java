package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.edgeinfer.core.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads one input's value, a scalar or nested lists, into an {@link ElementBuffer} and works out
 * its shape, refusing ragged lists.
 */
final class JsonValueReader {
  private final JsonParser parser;

  JsonValueReader(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads the value starting at the current token and returns its dimensions; the parser is left on
   * the value's last token.
   */
  int[] read(ElementBuffer buffer, String inputName) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      readScalar(buffer, inputName);
      return new int[0];
    }
    int[] first = null;
    int length = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation start = parser.currentTokenLocation();
      int[] dims = read(buffer, inputName);
      if (first == null) {
        first = dims;
      } else if (!Arrays.equals(first, dims)) {
        throw new MalformedInputException(
            "input '" + inputName + "': " + unlike(first, dims, "element") + " " + Json.at(start));
      }
      length++;
    }
    int[] dims = new int[1 + (first == null ? 0 : first.length)];
    dims[0] = length;
    if (first != null) {
      System.arraycopy(first, 0, dims, 1, first.length);
    }
    return dims;
  }

  /** The rest of {@code {"b64": "..."}} once its field name is the current token. */
  void readB64Rest(ElementBuffer buffer, String inputName) throws IOException {
    if (parser.nextToken() != JsonToken.VALUE_STRING) {
      throw fail(
          inputName, "expected a base64 string after \"b64\", found " + Json.describe(parser));
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(parser.getText());
    } catch (IllegalArgumentException e) {
      throw fail(inputName, "expected base64 after \"b64\", found " + e.getMessage());
    }
    if (parser.nextToken() != JsonToken.END_OBJECT) {
      throw fail(inputName, "expected only \"b64\" in the object, found " + Json.describe(parser));
    }
    buffer.addString(decoded, problem -> fail(inputName, problem));
  }

  /** An error about the current token, for one input. */
  MalformedInputException fail(String inputName, String problem) {
    return new MalformedInputException(
        "input '" + inputName + "': " + problem + " " + Json.at(parser));
  }

  private void readScalar(ElementBuffer buffer, String inputName) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_NUMBER_INT ->
          buffer.addNumber(parser.getText(), true, problem -> fail(inputName, problem));
      case VALUE_NUMBER_FLOAT ->
          buffer.addNumber(floatText(), false, problem -> fail(inputName, problem));
      case VALUE_TRUE, VALUE_FALSE ->
          buffer.addBool(token == JsonToken.VALUE_TRUE, problem -> fail(inputName, problem));
      case VALUE_STRING ->
          buffer.addString(
              parser.getText().getBytes(StandardCharsets.UTF_8),
              problem -> fail(inputName, problem));
      case START_OBJECT -> {
        if (buffer.type() != DataType.STRING) {
          throw fail(inputName, buffer.expectedValue() + ", found an object");
        }
        if (parser.nextToken() == JsonToken.FIELD_NAME && parser.currentName().equals("b64")) {
          readB64Rest(buffer, inputName);
        } else {
          throw fail(inputName, "expected {\"b64\": \"...\"}, found " + Json.describe(parser));
        }
      }
      default -> throw fail(inputName, buffer.expectedValue() + ", found " + Json.describe(parser));
    }
  }

  /** The token's text, with the spellings of NaN and the infinities Java parses. */
  private String floatText() throws IOException {
    if (!parser.isNaN()) {
      return parser.getText();
    }
    double value = parser.getDoubleValue();
    return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }

  /** Why {@code found} cannot sit beside {@code first}; {@code part} is "element" or "instance". */
  static String unlike(int[] first, int[] found, String part) {
    if (first.length == 1 && found.length == 1) {
      return "expected " + first[0] + " values in every row, found " + found[0];
    }
    return "expected every "
        + part
        + " to have shape "
        + Arrays.toString(first)
        + " like the first, found "
        + Arrays.toString(found);
  }
}
