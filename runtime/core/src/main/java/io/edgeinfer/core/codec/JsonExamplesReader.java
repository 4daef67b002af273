package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.edgeinfer.core.codec.TfExampleEncoder.Feature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code "examples"} list of TF Serving's classify and regress requests: each example is an
 * object of features, each a value or a list of values, serialized as a {@code tf.Example}. As in
 * TF Serving, a number written with a decimal point or exponent is a float feature, an integer
 * literal an int64 feature, a string (or {@code {"b64": ...}}) a bytes feature.
 */
final class JsonExamplesReader {
  private final JsonParser parser;

  JsonExamplesReader(JsonParser parser) {
    this.parser = parser;
  }

  /** Serialized examples, with the list's opening bracket as the current token. */
  List<byte[]> read() throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error("expected \"examples\" to be a list, found " + Json.describe(parser));
    }
    List<byte[]> examples = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw error("expected an example object of features, found " + Json.describe(parser));
      }
      Map<String, Feature> features = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        features.put(name, feature(name));
      }
      examples.add(TfExampleEncoder.encode(features));
    }
    if (examples.isEmpty()) {
      throw error("expected at least one example, found an empty list");
    }
    return examples;
  }

  private Feature feature(String name) throws IOException {
    List<Object> values = new ArrayList<>();
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        values.add(scalar(name));
      }
    } else {
      values.add(scalar(name));
    }
    Class<?> kind = values.isEmpty() ? Float.class : values.get(0).getClass();
    for (Object value : values) {
      if (value.getClass() != kind) {
        throw error(
            "feature '" + name + "': expected values of one kind (floats, integers or strings)");
      }
    }
    if (kind == Float.class) {
      float[] floats = new float[values.size()];
      for (int i = 0; i < floats.length; i++) {
        floats[i] = (Float) values.get(i);
      }
      return new Feature.Floats(floats);
    }
    if (kind == Long.class) {
      return new Feature.Int64s(values.stream().mapToLong(v -> (Long) v).toArray());
    }
    List<byte[]> bytes = new ArrayList<>();
    values.forEach(v -> bytes.add((byte[]) v));
    return new Feature.Bytes(bytes);
  }

  /** A Float, a Long or a byte[]. */
  private Object scalar(String name) throws IOException {
    switch (parser.currentToken()) {
      case VALUE_NUMBER_FLOAT:
        return Float.parseFloat(parser.getText());
      case VALUE_NUMBER_INT:
        try {
          return parser.getLongValue();
        } catch (IOException e) {
          throw error("feature '" + name + "': expected an int64, found " + parser.getText());
        }
      case VALUE_STRING:
        return parser.getText().getBytes(StandardCharsets.UTF_8);
      case START_OBJECT:
        if (parser.nextToken() == JsonToken.FIELD_NAME
            && parser.currentName().equals("b64")
            && parser.nextToken() == JsonToken.VALUE_STRING) {
          byte[] decoded;
          try {
            decoded = Base64.getDecoder().decode(parser.getText());
          } catch (IllegalArgumentException e) {
            throw error("feature '" + name + "': expected base64, found " + e.getMessage());
          }
          if (parser.nextToken() == JsonToken.END_OBJECT) {
            return decoded;
          }
        }
        throw error("feature '" + name + "': expected {\"b64\": \"...\"}");
      default:
        throw error(
            "feature '"
                + name
                + "': expected a number, a string or a list of them, found "
                + Json.describe(parser));
    }
  }

  private MalformedInputException error(String problem) {
    return new MalformedInputException(problem + " " + Json.at(parser));
  }
}
