package io.edgeinfer.core.vision;

import static io.edgeinfer.core.vision.FakeModel.image;
import static io.edgeinfer.core.vision.FakeModel.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePreprocessingTest {
  /** 2 x 2: (10, 20, 30) (40, 50, 60) / (70, 80, 90) (255, 0, 128). */
  private static final RgbImage SMALL =
      RgbImage.of(rgb(new int[][] {{0x0a141e, 0x28323c}, {0x46505a, 0xff0080}}));

  private static final float[] SMALL_PIXELS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 255, 0, 128};

  static BufferedImage rgb(int[][] rows) {
    BufferedImage image =
        new BufferedImage(rows[0].length, rows.length, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[y].length; x++) {
        image.setRGB(x, y, rows[y][x]);
      }
    }
    return image;
  }

  private static FakeModel model(TensorSpec input) {
    return new FakeModel(List.of(input), List.of(output("scores", 1, 4)), in -> Map.of());
  }

  private static ImagePreprocessing of(FakeModel model, VisionOptions options) {
    return ImagePreprocessing.of(model, model.signature(), model.rawInputTypes(), options);
  }

  private static float[] applied(ImagePreprocessing p, RgbImage image) {
    return p.apply(image).inputs().get("image").toFloatArray();
  }

  @Test
  void metadataNormalizationIsApplied() {
    FakeModel model = model(image(DataType.FLOAT32, 1, 2, 2, 3)).normalization(127.5f, 127.5f);
    ImagePreprocessing p = of(model, VisionOptions.DEFAULTS);
    assertEquals("model metadata", p.normalizationSource());
    float[] expected = new float[12];
    for (int i = 0; i < 12; i++) {
      expected[i] = (SMALL_PIXELS[i] - 127.5f) / 127.5f;
    }
    assertArrayEquals(expected, applied(p, SMALL), 1e-6f);
    assertEquals("(pixel - 127.5) / 127.5 from model metadata", p.describe().get("normalization"));
  }

  @Test
  void floatInputWithoutMetadataTakesMinusOneToOne() {
    ImagePreprocessing p = of(model(image(DataType.FLOAT32, 1, 2, 2, 3)), VisionOptions.DEFAULTS);
    assertEquals("default", p.normalizationSource());
    assertEquals(1f, applied(p, SMALL)[9], 1e-6f); // 255
    assertEquals(-1f, applied(p, SMALL)[10], 1e-6f); // 0
  }

  @Test
  void optionsOverridePerChannel() {
    FakeModel model = model(image(DataType.FLOAT32, 1, 2, 2, 3)).normalization(127.5f, 127.5f);
    ImagePreprocessing p =
        of(
            model,
            VisionOptions.DEFAULTS.withNormalization(List.of(0f, 10f, 20f), List.of(255f, 1f, 2f)));
    assertEquals("options", p.normalizationSource());
    float[] values = applied(p, SMALL);
    assertEquals(10 / 255f, values[0], 1e-6f);
    assertEquals(20 - 10, values[1], 1e-6f);
    assertEquals((30 - 20) / 2f, values[2], 1e-6f);
  }

  @Test
  void uint8InputTakesThePixelsAsTheyAre() {
    // A uint8-quantized input: float32 in the signature, uint8 raw, as the lite engine gives it.
    FakeModel model =
        model(image(DataType.FLOAT32, 1, 2, 2, 3))
            .rawInput(DataType.UINT8)
            .normalization(127.5f, 127.5f);
    ImagePreprocessing p = of(model, VisionOptions.DEFAULTS);
    Tensor input = p.apply(SMALL).inputs().get("image");
    assertEquals(DataType.UINT8, input.dataType());
    assertArrayEquals(SMALL_PIXELS, input.toFloatArray());
    assertEquals("none: pixels 0..255 as they are", p.describe().get("normalization"));
    // Asked for a normalization, it gets real values, which the engine quantizes.
    ImagePreprocessing asked =
        of(model, VisionOptions.DEFAULTS.withNormalization(List.of(0f), List.of(1f)));
    assertEquals(DataType.FLOAT32, asked.feed());
    assertArrayEquals(SMALL_PIXELS, applied(asked, SMALL));
  }

  @Test
  void channelsFirstInputGetsPlanes() {
    ImagePreprocessing p =
        of(
            model(image(DataType.FLOAT32, 1, 3, 2, 2)),
            VisionOptions.DEFAULTS.withNormalization(List.of(0f), List.of(1f)));
    Tensor input = p.apply(SMALL).inputs().get("image");
    assertEquals(Shape.of(1, 3, 2, 2), input.shape());
    assertArrayEquals(
        new float[] {10, 40, 70, 255, 20, 50, 80, 0, 30, 60, 90, 128}, input.toFloatArray());
    assertEquals("2 x 2, RGB, NCHW", p.describe().get("size"));
  }

  @Test
  void greyInputGetsLuma() {
    ImagePreprocessing p =
        of(
            model(image(DataType.FLOAT32, 1, 2, 2, 1)),
            VisionOptions.DEFAULTS.withNormalization(List.of(0f), List.of(1f)));
    float[] values = applied(p, SMALL);
    assertEquals(0.299f * 10 + 0.587f * 20 + 0.114f * 30, values[0], 1e-4f);
    assertEquals(0.299f * 255 + 0.114f * 128, values[3], 1e-4f);
  }

  @Test
  void letterboxCentresTheImageBetweenBlackBands() {
    // 4 x 1 into 4 x 4: scale 1, the image spans input rows 1.5 to 2.5; the rows whose centres
    // fall on it (1 and 2) sample it, the others are black.
    RgbImage wide = RgbImage.of(rgb(new int[][] {{0x646464, 0xc8c8c8, 0x646464, 0xc8c8c8}}));
    ImagePreprocessing p =
        of(
            model(image(DataType.FLOAT32, 1, 4, 4, 1)),
            VisionOptions.DEFAULTS
                .withNormalization(List.of(0f), List.of(1f))
                .withResize(ResizeMode.LETTERBOX));
    float[] values = applied(p, wide);
    assertArrayEquals(new float[] {0, 0, 0, 0}, slice(values, 0, 4), 1e-4f);
    assertArrayEquals(new float[] {0, 0, 0, 0}, slice(values, 12, 16), 1e-4f);
    assertArrayEquals(new float[] {100, 200, 100, 200}, slice(values, 4, 8), 1e-4f);
    assertArrayEquals(new float[] {100, 200, 100, 200}, slice(values, 8, 12), 1e-4f);
  }

  @Test
  void cropKeepsTheCentre() {
    int[] row = new int[8];
    for (int x = 0; x < 8; x++) {
      row[x] = 0x0a0a0a * (x + 1);
    }
    RgbImage wide = RgbImage.of(rgb(new int[][] {row, row}));
    ImagePreprocessing p =
        of(
            model(image(DataType.FLOAT32, 1, 2, 2, 1)),
            VisionOptions.DEFAULTS
                .withNormalization(List.of(0f), List.of(1f))
                .withResize(ResizeMode.CROP));
    // 8 x 2 into 2 x 2 keeping the aspect ratio: scale 1, the middle two columns (3 and 4).
    assertArrayEquals(new float[] {40, 50, 40, 50}, applied(p, wide), 1e-4f);
  }

  @Test
  void stretchHalvesByBilinearHalfPixelCentres() {
    int[] row = {0, 0x646464, 0xc8c8c8, 0xffffff};
    RgbImage image = RgbImage.of(rgb(new int[][] {row, row}));
    ImagePreprocessing p =
        of(
            model(image(DataType.FLOAT32, 1, 2, 2, 1)),
            VisionOptions.DEFAULTS.withNormalization(List.of(0f), List.of(1f)));
    // Output x=0 samples source 0.5 (between 0 and 100), x=1 samples 2.5 (200 and 255).
    assertArrayEquals(new float[] {50, 227.5f, 50, 227.5f}, applied(p, image), 1e-3f);
  }

  @Test
  void refusalsSayWhatWasExpected() {
    FakeModel two =
        new FakeModel(
            List.of(image(DataType.FLOAT32, 1, 2, 2, 3), image(DataType.FLOAT32, 1, 2)),
            List.of(output("scores", 1, 4)),
            in -> Map.of());
    assertEquals(
        "expected a model with one image input, found 2 inputs in signature 'serving_default':"
            + " [image: float32 [1, 2, 2, 3], image: float32 [1, 2]]",
        assertThrows(IllegalArgumentException.class, () -> of(two, VisionOptions.DEFAULTS))
            .getMessage());
    assertEquals(
        "expected an image input of shape [1, height, width, 1 or 3] or [1, 1 or 3, height,"
            + " width], found image: float32 [1, 10]",
        assertThrows(
                IllegalArgumentException.class,
                () -> of(model(image(DataType.FLOAT32, 1, 10)), VisionOptions.DEFAULTS))
            .getMessage());
    assertEquals(
        "expected 1 or 3 values of --mean for an input of 3 channels, found 2: [1.0, 2.0]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    of(
                        model(image(DataType.FLOAT32, 1, 2, 2, 3)),
                        VisionOptions.DEFAULTS.withNormalization(List.of(1f, 2f), List.of(1f))))
            .getMessage());
  }

  private static float[] slice(float[] values, int from, int to) {
    float[] out = new float[to - from];
    System.arraycopy(values, from, out, 0, out.length);
    return out;
  }
}
