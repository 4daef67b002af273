package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionPipeline;
import io.edgeinfer.mqtt.TestClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's models served, photos sent as the JPEG file's bytes over MQTT ({@code mosquitto_pub -f}
 * when it is installed, else a Paho publish), on serve's embedded broker: the reply is the result
 * JSON the library gives for the same bytes. Skipped where {@code ../shared} is absent.
 */
class ServeZooImagesTest {
  private static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");

  @TempDir Path dir;

  private static Path zoo(String name) {
    Path path = Path.of(System.getProperty("edgeinfer.shared", "../shared"), "models", "zoo", name);
    assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the team's shared zoo)");
    return path;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Serves {@code model} on an embedded broker, sends {@code photo}, returns the reply's JSON. */
  private String servePhoto(Path model, Path photo, String... extra) throws Exception {
    int port = freePort();
    String[] args = {
      "--model",
      model.toString(),
      "--broker",
      "embedded:" + port,
      "--input-topic",
      "cams/+",
      "--client-id",
      "zoo-" + port,
      "--outbox",
      dir.resolve("outbox").toString()
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    try (ServeProcess serve = ServeProcess.start(dir.resolve("serve.log"), all);
        TestClient client =
            new TestClient("tcp://127.0.0.1:" + port).subscribe("cams/+/prediction")) {
      if (Files.isExecutable(MOSQUITTO_PUB)) {
        Process pub =
            new ProcessBuilder(
                    MOSQUITTO_PUB.toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(port),
                    "-q",
                    "1",
                    "-t",
                    "cams/door",
                    "-f",
                    photo.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(pub.waitFor(30, TimeUnit.SECONDS), "mosquitto_pub hangs");
        assertEquals(0, pub.exitValue(), new String(pub.getInputStream().readAllBytes()));
      } else {
        client.publish("cams/door", Files.readAllBytes(photo), new MqttProperties());
      }
      TestClient.Received reply = client.next(60);
      assertNotNull(reply, "no reply:\n" + serve.output());
      assertEquals("cams/door/prediction", reply.topic());
      return reply.payload();
    }
  }

  /** The library's own answer for the photo's bytes: what serve must reply. */
  private static String library(Path model, Path photo, VisionOptions options) throws Exception {
    try (Model loaded = Engines.load(model, LoadOptions.DEFAULTS);
        Predictor predictor = loaded.predictor()) {
      return VisionPipeline.of(loaded, predictor, options).run(Files.readAllBytes(photo)).toJson();
    }
  }

  /** The reply's result fields: from "task" up to the timings. */
  private static String result(String reply) {
    int start = reply.indexOf("\"task\"");
    int end = reply.indexOf(",\"timings_ms\"");
    assertTrue(start > 0 && end > start, reply);
    return "{" + reply.substring(start, end) + "}";
  }

  @Test
  void ssdMobileNetAnswersAJpegWithTheDetectionsOfThePhoto() throws Exception {
    Path model = zoo("ssd_mobilenet_v1.tflite");
    Path photo = zoo("multi_objects.jpg");
    String reply = servePhoto(model, photo);
    assertTrue(
        reply.contains("\"task\":\"detect\",\"image\":{\"width\":902,\"height\":358},"), reply);
    assertTrue(reply.contains("\"detections\":[{"), reply);
    assertEquals(library(model, photo, VisionOptions.DEFAULTS), result(reply));
  }

  /**
   * Google's ObjectDetector test photo sent as a JPEG: the reply holds the same four detections as
   * {@code predict} (cats at 0.64, 0.61 and 0.56, a dog at 0.5; their boxes are checked against
   * Google's in VisionZooTest).
   */
  @Test
  void ssdMobileNetFindsTheCatsAndTheDogOverMqtt() throws Exception {
    Path model = zoo("ssd_mobilenet_v1.tflite");
    Path photo = zoo("cats_and_dogs.jpg");
    String reply = servePhoto(model, photo, "--max-results", "4");
    assertTrue(
        reply.contains("\"task\":\"detect\",\"image\":{\"width\":1200,\"height\":600},"), reply);
    assertEquals(library(model, photo, VisionOptions.DEFAULTS.withMaxResults(4)), result(reply));
    assertEquals(4, reply.split("\"index\":1[67],").length - 1, reply);
  }

  @Test
  void mobileNetUint8NamesTheCheeseburger() throws Exception {
    // The uint8 file packs no labels: the float one's labels.txt is the same ImageNet list.
    Path labels = dir.resolve("labels.txt");
    try (Model withMetadata =
        Engines.load(zoo("mobilenet_v1_0.25_224_1_metadata_1.tflite"), LoadOptions.DEFAULTS)) {
      Files.write(labels, withMetadata.packedFile("labels.txt").orElseThrow());
    }
    Path model = zoo("mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite");
    Path photo = zoo("burger_crop.jpg");
    String reply = servePhoto(model, photo, "--labels", labels.toString());
    assertTrue(
        reply.contains(
            "\"task\":\"classify\",\"classes\":[{\"label\":\"cheeseburger\",\"index\":934,"),
        reply);
    assertEquals(library(model, photo, VisionOptions.DEFAULTS.withLabels(labels)), result(reply));
  }

  /**
   * DeepLab v3 over MQTT: the mask comes inline as a PNG, and matches Google's golden mask on more
   * than 99% of pixels. The photo is stored turned; Google's test declares EXIF orientation 7 for
   * it, and so does this one ({@code --orientation 7}): upright pixel (x, y) is stored pixel (n - 1
   * - y, n - 1 - x).
   */
  @Test
  void deepLabSendsItsMaskInlineAndItMatchesGooglesGolden() throws Exception {
    Path model = zoo("deeplabv3.tflite");
    Path photo = zoo("segmentation_input_rotation90_flop.jpg");
    Path goldenFile = zoo("segmentation_golden_rotation90_flop.png");
    String reply = servePhoto(model, photo, "--orientation", "7");
    assertTrue(
        reply.contains("\"task\":\"segment\",\"image\":{\"width\":257,\"height\":257},"), reply);
    java.util.regex.Matcher inline =
        java.util.regex.Pattern.compile("\"mask_png_base64\":\"([^\"]+)\"").matcher(reply);
    assertTrue(inline.find(), reply);
    java.awt.image.Raster mask =
        javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(inline.group(1))))
            .getRaster();
    java.awt.image.Raster golden = javax.imageio.ImageIO.read(goldenFile.toFile()).getRaster();
    int n = 257;
    int off = 0;
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (mask.getSample(n - 1 - y, n - 1 - x, 0) * 10 != golden.getSample(x, y, 0)) {
          off++;
        }
      }
    }
    assertTrue(off < n * n / 100, off + " of " + n * n + " pixels off Google's golden mask");
  }
}
