package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The {@code "signature_name"} of a JSON request (TF Serving's way to choose a signature), read
 * before the request is decoded: the inputs are decoded against the signature it names, so a
 * request for another signature than the default is not first misread as the default's.
 */
public final class SignatureName {
  private SignatureName() {}

  /**
   * The top-level {@code "signature_name"} string of a JSON object payload, or null when there is
   * none, the payload is not JSON of that shape, or it is malformed (the decoder then says why).
   */
  public static String peek(Format format, byte[] payload) {
    if (format != Format.JSON) {
      return null;
    }
    try (JsonParser parser = Json.FACTORY.createParser(payload)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("signature_name")) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
