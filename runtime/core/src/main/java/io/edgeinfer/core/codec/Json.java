package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;

/** The JSON settings and message pieces the codecs share. */
final class Json {
  /** NaN and Infinity are bare literals both ways, as in TF Serving's REST API. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

  private Json() {}

  /** "at line 3, column 14" for the token the parser is on. */
  static String at(JsonParser parser) {
    return at(parser.currentTokenLocation());
  }

  static String at(JsonLocation location) {
    // Jackson counts the position before the first character as column 0.
    return "at line " + location.getLineNr() + ", column " + Math.max(1, location.getColumnNr());
  }

  /** How the current token reads in "found ...": "a list", "true", "1.5", "the end of input". */
  static String describe(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "the end of input";
    }
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case END_ARRAY -> "the end of a list";
      case END_OBJECT -> "the end of an object";
      case FIELD_NAME -> "the field \"" + shorten(parser.currentName()) + "\"";
      case VALUE_STRING -> "the string \"" + shorten(parser.getText()) + "\"";
      default -> parser.getText();
    };
  }

  private static String shorten(String text) {
    return text.length() <= 24 ? text : text.substring(0, 21) + "...";
  }
}
