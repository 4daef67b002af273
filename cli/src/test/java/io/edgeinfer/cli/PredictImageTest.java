package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} and {@code inspect} on images, with a colour classifier the test writes. */
class PredictImageTest {
  @TempDir static Path dir;
  static Path model;
  static Path labels;

  @BeforeAll
  static void makeModel() throws IOException {
    model = TinyModels.colours(dir.resolve("colours.tflite"));
    labels = Files.writeString(dir.resolve("labels.txt"), "red\nblue\n");
  }

  private static byte[] encode(int rgb, int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  @Test
  void aFolderOfImagesGivesOneAnswerEach() throws IOException {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.write(photos.resolve("a-red.png"), encode(0xff0000, 8, 6, "png"));
    Files.write(photos.resolve("b-blue.bmp"), encode(0x0000ff, 3, 3, "bmp"));
    Files.write(photos.resolve("c-blue.jpg"), encode(0x0000ff, 16, 16, "jpeg"));
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            model.toString(),
            "-i",
            photos.toString(),
            "--labels",
            labels.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<JsonNode> lines = Json.lines(cli.out());
    assertEquals(3, lines.size());
    // softmax(4, -4): the red image's four pixels, each (255 - 127.5) / 127.5 = 1 in red.
    assertEquals(
        "{\"input\":\""
            + photos.resolve("a-red.png")
            + "\",\"task\":\"classify\",\"classes\":[{\"label\":\"red\",\"index\":0,"
            + "\"score\":0.99966466},{\"label\":\"blue\",\"index\":1,\"score\":3.3535014E-4}]}",
        cli.out().lines().findFirst().orElseThrow());
    assertEquals("blue", lines.get(1).get("classes").get(0).get("label").asText());
    assertEquals("blue", lines.get(2).get("classes").get(0).get("label").asText());
  }

  @Test
  void standardInputIsToldAnImageByItsBytes() throws IOException {
    Cli cli =
        Cli.runWithStdin(
            encode(0x0000ff, 2, 2, "png"), "predict", "-m", model.toString(), "--top-k", "1");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(
        "{\"input\":\"-\",\"task\":\"classify\",\"classes\":[{\"index\":1,\"score\":0.99966466}]}",
        cli.out().strip());
  }

  @Test
  void aDamagedImageIsOneLineAndExitOne() throws IOException {
    byte[] png = encode(0xff0000, 64, 64, "png");
    Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    Cli cli = Cli.run("predict", "-m", model.toString(), "-i", cut.toString());
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals("", cli.out());
    String err = cli.err().strip();
    assertTrue(
        err.startsWith(
            "edgeinfer: "
                + cut
                + ": expected a PNG, JPEG or BMP image, found a damaged PNG file ("),
        err);
    assertEquals(1, err.lines().count(), err);
  }

  @Test
  void badVisionFlagsAreUsageErrors() {
    Cli cli = Cli.run("predict", "-m", model.toString(), "--resize", "squash", "-i", "x.png");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(
        cli.err().contains("expected a resize mode of stretch, crop, letterbox, found 'squash'"),
        cli.err());
    Cli mean = Cli.run("predict", "-m", model.toString(), "--mean", "1", "-i", "x.png");
    assertEquals(2, mean.exitCode(), mean.toString());
    assertTrue(mean.err().contains("expected --mean and --std together"), mean.err());
    Cli region = Cli.run("predict", "-m", model.toString(), "--region", "1,2,3", "-i", "x.png");
    assertEquals(2, region.exitCode(), region.toString());
    assertTrue(
        region.err().contains("expected --region X,Y,WIDTH,HEIGHT in whole pixels, found '1,2,3'"),
        region.err());
    Path absent = dir.resolve("absent.txt");
    Cli labelsMissing =
        Cli.run("predict", "-m", model.toString(), "--labels", absent.toString(), "-i", "x.png");
    assertEquals(2, labelsMissing.exitCode(), labelsMissing.toString());
    assertTrue(
        labelsMissing
            .err()
            .contains("expected a readable labels file (--labels), found none at " + absent),
        labelsMissing.err());
  }

  @Test
  void annotateWritesTheImageWithItsAnswer() throws IOException {
    Path photo = Files.write(dir.resolve("red.png"), encode(0xff0000, 200, 150, "png"));
    Path annotated = dir.resolve("annotated");
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            model.toString(),
            "-i",
            photo.toString(),
            "--annotate",
            annotated.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    BufferedImage drawn = ImageIO.read(annotated.resolve("red.png").toFile());
    assertEquals(200, drawn.getWidth());
    assertEquals(0xff0000, drawn.getRGB(199, 149) & 0xffffff, "the photo, below the classes");
    assertEquals(0, drawn.getRGB(1, 1) & 0xffffff, "the black band of the top class");
  }

  @Test
  void inspectShowsWhatAnImageGoesThrough() {
    Cli text = Cli.run("inspect", model.toString(), "--labels", labels.toString());
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(
        text.out()
            .contains(
                "image input (what predict --input IMAGE applies):\n"
                    + "  task: classify (from the outputs)\n"
                    + "  labels: "
                    + labels
                    + " (2 labels)\n"
                    + "  input: image\n"
                    + "  size: 2 x 2, RGB, NHWC\n"
                    + "  resize: stretch (bilinear, the whole image, aspect ratio not kept)\n"
                    + "  normalization: (pixel - 127.5) / 127.5 from default\n"
                    + "  type: float32\n"),
        text.out());
    Cli json = Cli.run("inspect", model.toString(), "--json", "--resize", "letterbox");
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode vision = Json.parse(json.out()).get("vision");
    assertEquals("classify", vision.get("task").asText());
    JsonNode pre = vision.get("preprocessing");
    assertEquals("letterbox", pre.get("resize").asText());
    assertEquals(2, pre.get("width").asInt());
    assertEquals(127.5, pre.get("mean").get(0).asDouble());
    assertEquals("default", pre.get("normalization").asText());
  }
}
