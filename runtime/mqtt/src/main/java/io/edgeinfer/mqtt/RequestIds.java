package io.edgeinfer.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.edgeinfer.core.codec.RequestId;
import java.io.IOException;

/**
 * The {@code "id"} of a JSON request that failed to decode, so that its error can still name it: a
 * sender matches errors to requests by it. Best effort: a top-level {@code "id"} string or number
 * found before the payload stops parsing; otherwise none.
 */
final class RequestIds {
  private static final JsonFactory JSON = new JsonFactory();

  private RequestIds() {}

  /** The id, or null when there is none to be found. */
  static RequestId find(byte[] payload) {
    try (JsonParser parser = JSON.createParser(payload)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isId = parser.currentName().equals("id");
        JsonToken value = parser.nextToken();
        if (isId) {
          return value == JsonToken.VALUE_STRING
              ? RequestId.ofString(parser.getText())
              : value.isNumeric() ? RequestId.ofNumber(parser.getText()) : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
