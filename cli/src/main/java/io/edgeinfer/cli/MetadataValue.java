package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's metadata value in JSON with its own type: engines report every value as text, but a
 * script wants {@code "graph_nodes": 19}, not {@code "19"}, and a quantization as an object.
 */
final class MetadataValue {
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern QUANTIZATION = Pattern.compile("scale=(\\S+) zero_point=(-?\\d+)");

  private MetadataValue() {}

  static void write(JsonGenerator json, String value) throws IOException {
    Matcher quantization = QUANTIZATION.matcher(value);
    if (NUMBER.matcher(value).matches()) {
      json.writeNumber(new BigDecimal(value));
    } else if (quantization.matches() && NUMBER.matcher(quantization.group(1)).matches()) {
      json.writeStartObject();
      json.writeFieldName("scale");
      json.writeNumber(new BigDecimal(quantization.group(1)));
      json.writeNumberField("zero_point", Long.parseLong(quantization.group(2)));
      json.writeEndObject();
    } else {
      json.writeString(value);
    }
  }
}
