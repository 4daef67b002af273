package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.lite.conformance.Zoo;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edgeinfer predict --input IMAGE} end to end on Google's models and photos (skipped where
 * ../shared is absent): no preprocessing by the user, the answer as Google's tests state it.
 */
class PredictZooImageTest {
  @Test
  void mobileNetCallsTheBurgerACheeseburger() {
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            Zoo.file("mobilenet_v1_0.25_224_1_metadata_1.tflite").toString(),
            "-i",
            Zoo.file("burger_crop.jpg").toString(),
            "--top-k",
            "1");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode top = Json.lines(cli.out()).get(0).get("classes").get(0);
    assertEquals("cheeseburger", top.get("label").asText());
    assertEquals(934, top.get("index").asInt());
    assertEquals(0.984, top.get("score").asDouble(), 0.01);
  }

  /**
   * Google's region of interest around the soccer ball in the collage, as Google's test gives it.
   */
  @Test
  void aRegionOfTheCollageIsTheSoccerBall() {
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            Zoo.file("mobilenet_v1_0.25_224_1_metadata_1.tflite").toString(),
            "-i",
            Zoo.file("multi_objects.jpg").toString(),
            "--region",
            "406,110,148,153",
            "--top-k",
            "1");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode top = Json.lines(cli.out()).get(0).get("classes").get(0);
    assertEquals("soccer ball", top.get("label").asText());
    assertEquals(806, top.get("index").asInt());
  }

  /**
   * Google's test declares the photo's orientation (7, turned and flopped); so does {@code
   * --orientation 7}. The mask PNG comes out upright: upright (x, y) is stored (n-1-y, n-1-x).
   */
  @Test
  void deepLabWritesGooglesGoldenMask(@TempDir Path dir) throws IOException {
    Path labels =
        Files.write(
            dir.resolve("voc.txt"),
            List.of(
                "background",
                "aeroplane",
                "bicycle",
                "bird",
                "boat",
                "bottle",
                "bus",
                "car",
                "cat",
                "chair",
                "cow",
                "dining table",
                "dog",
                "horse",
                "motorbike",
                "person",
                "potted plant",
                "sheep",
                "sofa",
                "train",
                "tv"));
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            Zoo.file("deeplabv3.tflite").toString(),
            "-i",
            Zoo.file("segmentation_input_rotation90_flop.jpg").toString(),
            "--orientation",
            "7",
            "--labels",
            labels.toString(),
            "--mask-dir",
            dir.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode line = Json.lines(cli.out()).get(0);
    assertEquals("segment", line.get("task").asText());
    assertEquals("segmentation_input_rotation90_flop.mask.png", line.get("mask").asText());
    JsonNode pixels = line.get("pixels");
    long total = 0;
    for (JsonNode count : pixels) {
      total += count.asLong();
    }
    assertEquals(257 * 257, total);
    assertTrue(pixels.has("horse") && pixels.has("person"), pixels.toString());
    Raster mask =
        ImageIO.read(dir.resolve("segmentation_input_rotation90_flop.mask.png").toFile())
            .getRaster();
    Raster golden =
        ImageIO.read(Zoo.file("segmentation_golden_rotation90_flop.png").toFile()).getRaster();
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
