package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MetadataValueTest {
  private static String json(String value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      MetadataValue.write(json, value);
    }
    return out.toString();
  }

  @Test
  void numbersAndQuantizationsKeepTheirType() throws IOException {
    assertEquals("19", json("19"));
    assertEquals("0.25", json("0.25"));
    assertEquals(
        "{\"scale\":0.0039215689,\"zero_point\":-128}", json("scale=0.0039215689 zero_point=-128"));
    assertEquals("{\"scale\":0.00010,\"zero_point\":0}", json("scale=1.0E-4 zero_point=0"));
    // Text that only starts like a number, or a version, stays text.
    assertEquals("\"2.18.0\"", json("2.18.0"));
    assertEquals("\"007\"", json("007"));
    assertEquals("\"serve\"", json("serve"));
  }
}
