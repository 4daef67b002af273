package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.mqtt.publish.Publish;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image payloads through the pipeline, no broker needed: by content type or by their first bytes,
 * answered with the vision result's JSON; a corrupt image answered on the error topic with the
 * request's id, and the worker going on.
 */
class ImagePayloadsTest {
  private static final String TOPIC = "cams/door";
  @TempDir Path dir;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private Pipeline pipeline;

  @AfterEach
  void close() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private void start(ColourModel model, VisionOptions options, PayloadFormats formats)
      throws Exception {
    PipelineSettings defaults = SumServices.settings(8, 0);
    PipelineSettings settings =
        new PipelineSettings(
            1,
            8,
            0,
            100,
            1 << 20,
            false,
            defaults.outputTopic(),
            defaults.errorTopic(),
            1,
            formats);
    pipeline =
        new Pipeline(
            model,
            model.signatures().get(0),
            new ModelInfo(model.path().toString(), "1", "java", List.of()),
            settings,
            replies::add,
            new Metrics(),
            new VisionSetup(options, null));
  }

  private void start(ColourModel model, VisionOptions options) throws Exception {
    start(model, options, new PayloadFormats(null));
  }

  private Reply send(byte[] payload, String contentType, String correlation) throws Exception {
    byte[] correlationData =
        correlation == null ? null : correlation.getBytes(StandardCharsets.UTF_8);
    assertTrue(
        pipeline.offer(
            new InboundMessage(
                TOPIC,
                payload,
                contentType,
                null,
                correlationData,
                1,
                System.nanoTime(),
                () -> {})));
    Reply reply = replies.poll(20, TimeUnit.SECONDS);
    assertNotNull(reply, "no reply");
    return reply;
  }

  private VisionOptions labels(String... labels) throws Exception {
    Path file = dir.resolve("labels.txt");
    Files.writeString(file, String.join("\n", labels) + "\n");
    return VisionOptions.DEFAULTS.withLabels(file);
  }

  /** A 16x12 picture: the left {@code redColumns} columns red (200, 30, 30), the rest grey 100. */
  static byte[] picture(String format, int redColumns) throws Exception {
    BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        image.setRGB(x, y, x < redColumns ? 0xC81E1E : 0x646464);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, bytes), "no writer for " + format);
    return bytes.toByteArray();
  }

  private static String text(Reply reply) {
    return new String(reply.payload(), StandardCharsets.UTF_8);
  }

  private static double number(String json, String pattern) {
    Matcher m = Pattern.compile(pattern + "([-0-9.Ee]+)").matcher(json);
    assertTrue(m.find(), pattern + " in " + json);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void aPngByItsContentTypeIsClassifiedWithTheScoresTheModelGives() throws Exception {
    start(ColourModel.classifier(), labels("red", "green", "blue"));
    Reply reply = send(picture("png", 16), "image/png", null);
    String json = text(reply);
    assertFalse(reply.error(), json);
    assertTrue(
        json.startsWith(
            "{\"topic\":\"cams/door\",\"model\":\"colour-classifier\",\"model_version\":\"1\","
                + "\"edgeinfer_version\":\""
                + new ModelInfo("x", "1", "java", List.of()).edgeinferVersion()
                + "\",\"task\":\"classify\",\"classes\":[{\"label\":\"red\",\"index\":0,\"score\":"),
        json);
    // All pixels (200, 30, 30): normalized (v - 127.5) / 127.5, as the vision path's default does.
    float[] expected = ColourModel.scores(72.5 / 127.5, -97.5 / 127.5, -97.5 / 127.5);
    assertEquals(expected[0], number(json, "\"label\":\"red\",\"index\":0,\"score\":"), 1e-6);
    assertEquals(expected[1], number(json, "\"label\":\"green\",\"index\":1,\"score\":"), 1e-9);
    Publish published = reply.messages().get(0);
    assertEquals("cams/door/prediction", published.topic());
    assertTrue(json.contains("\"timings_ms\":{\"queue\":"), json);
    assertTrue(json.contains(",\"decode\":"), json);
  }

  @Test
  void aJpegWithNoContentTypeIsKnownByItsFirstBytes() throws Exception {
    start(ColourModel.classifier(), labels("red", "green", "blue"));
    String json = text(send(picture("jpeg", 16), null, null));
    assertTrue(json.contains("\"classes\":[{\"label\":\"red\",\"index\":0,"), json);
    String bmp = text(send(picture("bmp", 0), null, null));
    // Grey 100 everywhere: the three channels score alike, a third each.
    assertEquals(1 / 3.0, number(bmp, "\"score\":"), 1e-6);
  }

  @Test
  void aCorruptImageIsAnsweredOnTheErrorTopicWithItsIdAndTheWorkerGoesOn() throws Exception {
    start(ColourModel.classifier(), labels("red", "green", "blue"));
    byte[] jpeg = picture("jpeg", 16);
    byte[] truncated = Arrays.copyOf(jpeg, 40);
    Reply reply = send(truncated, "image/jpeg", "req-7");
    String json = text(reply);
    assertTrue(reply.error(), json);
    assertEquals(1, json.lines().count(), json);
    assertTrue(json.startsWith("{\"error\":\"expected a"), json);
    assertTrue(json.contains("\"id\":\"req-7\""), json);
    assertEquals("cams/door/error", reply.messages().get(0).topic());
    assertEquals(
        "req-7", new String(reply.messages().get(0).correlationData(), StandardCharsets.UTF_8));
    Reply next = send(jpeg, "image/jpeg", null);
    assertFalse(next.error(), text(next));
  }

  @Test
  void binaryCorrelationDataIsEchoedButIsNoId() throws Exception {
    start(ColourModel.classifier(), labels("red", "green", "blue"));
    byte[] correlation = {0, 1, (byte) 0xFF, 7};
    assertTrue(
        pipeline.offer(
            new InboundMessage(
                TOPIC,
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0},
                "image/jpeg",
                null,
                correlation,
                1,
                System.nanoTime(),
                () -> {})));
    Reply reply = replies.poll(20, TimeUnit.SECONDS);
    assertNotNull(reply);
    assertTrue(reply.error());
    assertFalse(text(reply).contains("\"id\""), text(reply));
    assertTrue(Arrays.equals(correlation, reply.messages().get(0).correlationData()));
  }

  @Test
  void aModelWithoutAnImageInputAnswersImagesWithWhyAndJsonAsBefore() throws Exception {
    SumModel sum = new SumModel();
    pipeline =
        new Pipeline(
            sum,
            SumModel.SIGNATURE,
            new ModelInfo("sum", "1", "java", List.of()),
            SumServices.settings(8, 0),
            replies::add,
            new Metrics(),
            VisionSetup.DEFAULTS);
    Reply image = send(picture("png", 16), null, null);
    assertTrue(image.error());
    assertTrue(
        text(image).startsWith("{\"error\":\"cannot answer images with this model: "), text(image));
    Reply json = send("[[1, 2, 3]]".getBytes(StandardCharsets.UTF_8), null, null);
    assertFalse(json.error(), text(json));
    assertTrue(text(json).contains("\"sum\":6.0"), text(json));
  }

  @Test
  void anImageTypeNotReadIsRefusedByName() throws Exception {
    start(ColourModel.classifier(), labels("red", "green", "blue"));
    Reply reply = send(new byte[] {'G', 'I', 'F', '8', '9', 'a'}, "image/gif", null);
    assertTrue(reply.error());
    assertTrue(
        text(reply)
            .startsWith(
                "{\"error\":\"expected an image of type image/jpeg, image/png or image/bmp,"
                    + " found 'image/gif'\""),
        text(reply));
  }

  @Test
  void rawFloatPayloadsAreNotSniffed() throws Exception {
    start(ColourModel.classifier(), labels("red", "green", "blue"), new PayloadFormats(Format.RAW));
    // 0xFF 0xD8 0xFF starts a JPEG, and also the float32 7.99...: with --format raw it is a float.
    byte[] floats = new byte[8 * 8 * 3 * 4];
    floats[0] = (byte) 0xFF;
    floats[1] = (byte) 0xD8;
    floats[2] = (byte) 0xFF;
    floats[3] = 0x40;
    Reply reply = send(floats, null, null);
    assertFalse(text(reply).contains("\"task\""), text(reply));
    assertFalse(text(reply).contains("image"), text(reply));
  }

  @Test
  void aSegmentationMaskGoesInlineAsAPngOfTheOriginalSize() throws Exception {
    start(ColourModel.segmenter(), labels("background", "red"));
    String json = text(send(picture("png", 8), "image/png", null));
    assertTrue(
        json.contains("\"task\":\"segment\",\"image\":{\"width\":16,\"height\":12},\"pixels\":{"),
        json);
    long background = (long) number(json, "\"background\":");
    long red = (long) number(json, "\"red\":");
    assertEquals(16 * 12, background + red, json);
    Matcher mask = Pattern.compile("\"mask_png_base64\":\"([^\"]+)\"").matcher(json);
    assertTrue(mask.find(), json);
    BufferedImage png =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(mask.group(1))));
    assertEquals(16, png.getWidth());
    assertEquals(12, png.getHeight());
    long redInPng = 0;
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        redInPng += png.getRaster().getSample(x, y, 0) == 1 ? 1 : 0;
      }
    }
    assertEquals(red, redInPng, "the PNG's pixels of category 1 are the JSON's count");
  }
}
