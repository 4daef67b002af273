package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.codec.Format;
import org.junit.jupiter.api.Test;

class TopicsAndFormatsTest {
  @Test
  void templatesTakeTheTopicOrItsLevels() {
    assertEquals("a/b/prediction", TopicTemplate.parse("{topic}/prediction").render("a/b"));
    assertEquals(
        "predictions/kitchen/temp",
        TopicTemplate.parse("predictions/{2}/{3}").render("sensors/kitchen/temp"));
    assertEquals("fixed/out", TopicTemplate.parse("fixed/out").render("anything"));
    assertEquals("out/a/b//b-a/.", TopicTemplate.parse("out/{topic}/{2}-{1}/{3}.").render("a/b/"));
  }

  @Test
  void badTemplatesAreRefused() {
    assertEquals(
        "expected {topic} or a level number such as {1} in topic template 'x/{name}', found"
            + " {name}",
        assertThrows(IllegalArgumentException.class, () -> TopicTemplate.parse("x/{name}"))
            .getMessage());
    assertEquals(
        "expected a topic template without wildcards, found 'x/+'",
        assertThrows(IllegalArgumentException.class, () -> TopicTemplate.parse("x/+"))
            .getMessage());
    assertEquals(
        "topic template 'p/{3}' needs level 3, found only 2 in 'a/b'",
        assertThrows(
                IllegalArgumentException.class, () -> TopicTemplate.parse("p/{3}").render("a/b"))
            .getMessage());
  }

  @Test
  void theContentTypeChoosesTheCodecAndTheFlagCoversTheRest() {
    PayloadFormats byType = new PayloadFormats(null);
    assertEquals(Format.JSON, byType.of(null));
    assertEquals(Format.JSON, byType.of("application/json; charset=utf-8"));
    assertEquals(Format.NPY, byType.of("application/x-npy"));
    assertEquals(Format.RAW, byType.of("application/octet-stream"));
    assertEquals(Format.CSV, byType.of("text/csv"));
    PayloadFormats raw = new PayloadFormats(Format.RAW);
    assertEquals(Format.RAW, raw.of(null));
    assertEquals(Format.NPY, raw.of("application/x-npy"));
    assertEquals(
        "expected a content type of application/json, text/csv, application/x-npy,"
            + " application/octet-stream (float32) or image/jpeg, image/png, image/bmp, found"
            + " 'text/plain'",
        assertThrows(IllegalArgumentException.class, () -> byType.of("text/plain")).getMessage());
  }
}
