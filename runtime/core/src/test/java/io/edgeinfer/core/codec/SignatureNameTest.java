package io.edgeinfer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureNameTest {
  private static String peek(String json) {
    return SignatureName.peek(Format.JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsItAfterTheData() {
    assertEquals(
        "negate",
        peek("{\"instances\": [[1, {\"signature_name\": 2}]], \"signature_name\": \"negate\"}"));
  }

  @Test
  void noneWhenAbsentNotAStringMalformedOrNotJson() {
    assertNull(peek("{\"instances\": [1]}"));
    assertNull(peek("[1, 2]"));
    assertNull(peek("{\"signature_name\": 3, \"instances\": [1]}"));
    assertNull(peek("{\"instances\": [1"));
    assertNull(SignatureName.peek(Format.CSV, "signature_name".getBytes(StandardCharsets.UTF_8)));
  }
}
