package io.edgeinfer.core.image;

import static io.edgeinfer.core.image.Images.encode;
import static io.edgeinfer.core.image.Images.grey;
import static io.edgeinfer.core.image.Images.halves;
import static io.edgeinfer.core.image.Images.noise;
import static io.edgeinfer.core.image.Images.rgb;
import static io.edgeinfer.core.image.Images.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.codec.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private static final int[][] TWO_BY_TWO = {
    {0xff0000, 0x00ff80}, {0x102030, 0xffffff},
  };

  private static float[] scaled(int... values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / 255f;
    }
    return out;
  }

  @Test
  void pngPixelsExactlyAsFloatsInZeroToOne() {
    Tensor tensor =
        ImageDecoder.decode(encode(rgb(TWO_BY_TWO), "png"), spec(DataType.FLOAT32, -1, 2, 2, 3));
    assertEquals(DataType.FLOAT32, tensor.dataType());
    assertEquals(Shape.of(1, 2, 2, 3), tensor.shape());
    assertArrayEquals(
        scaled(255, 0, 0, 0, 255, 128, 16, 32, 48, 255, 255, 255), tensor.toFloatArray());
  }

  @Test
  void jpegPixelsWithinCompressionTolerance() {
    Tensor tensor =
        ImageDecoder.decode(
            encode(halves(0xc83264, 0x3296c8), "jpeg"), spec(DataType.FLOAT32, 1, 16, 32, 3));
    assertEquals(Shape.of(1, 16, 32, 3), tensor.shape());
    float[] values = tensor.toFloatArray();
    float[] left = scaled(0xc8, 0x32, 0x64);
    float[] right = scaled(0x32, 0x96, 0xc8);
    for (int c = 0; c < 3; c++) {
      // The middle of each half, away from the edge between them.
      assertEquals(left[c], values[(8 * 32 + 8) * 3 + c], 4 / 255f);
      assertEquals(right[c], values[(8 * 32 + 24) * 3 + c], 4 / 255f);
    }
  }

  @Test
  void resizesBilinearlyWithHalfPixelCentres() {
    // Halving puts each output pixel at the centre of a 2x2 block: the block's mean.
    int[][] rows = {
      {0, 40, 100, 100},
      {80, 120, 100, 100},
      {0, 0, 255, 255},
      {0, 0, 255, 255},
    };
    Tensor tensor =
        ImageDecoder.decode(encode(grey(rows), "png"), spec(DataType.FLOAT32, -1, 2, 2, 1));
    assertEquals(Shape.of(1, 2, 2, 1), tensor.shape());
    assertArrayEquals(scaled(60, 100, 0, 255), tensor.toFloatArray(), 1e-6f);
  }

  @Test
  void enlargesByInterpolating() {
    // 1x2 -> 1x4: sample points at x = -0.25, 0.25, 0.75, 1.25 of the source, clamped to its edges.
    Tensor tensor =
        ImageDecoder.decode(
            encode(grey(new int[][] {{0, 200}}), "png"), spec(DataType.UINT8, -1, 1, 4, 1));
    assertArrayEquals(new float[] {0, 50, 150, 200}, tensor.toFloatArray());
  }

  @Test
  void colourToGreyByLuma() {
    Tensor tensor =
        ImageDecoder.decode(encode(rgb(TWO_BY_TWO), "png"), spec(DataType.FLOAT32, -1, 2, 2, 1));
    assertEquals(Shape.of(1, 2, 2, 1), tensor.shape());
    float[] expected = {
      0.299f * 255 / 255f,
      (0.587f * 255 + 0.114f * 128) / 255f,
      (0.299f * 16 + 0.587f * 32 + 0.114f * 48) / 255f,
      1f,
    };
    assertArrayEquals(expected, tensor.toFloatArray(), 1e-5f);
  }

  @Test
  void greyToColourByRepeating() {
    Tensor tensor =
        ImageDecoder.decode(
            encode(grey(new int[][] {{128, 7}}), "png"), spec(DataType.UINT8, -1, 1, 2, 3));
    assertEquals(Shape.of(1, 1, 2, 3), tensor.shape());
    // Read from the raster: a grey 128 must not come back brightened by colour-space conversion.
    assertArrayEquals(new float[] {128, 128, 128, 7, 7, 7}, tensor.toFloatArray());
  }

  @Test
  void uint8SpecKeepsZeroTo255() {
    Tensor tensor =
        ImageDecoder.decode(encode(rgb(TWO_BY_TWO), "png"), spec(DataType.UINT8, -1, 2, 2, 3));
    assertEquals(DataType.UINT8, tensor.dataType());
    assertArrayEquals(
        new float[] {255, 0, 0, 0, 255, 128, 16, 32, 48, 255, 255, 255}, tensor.toFloatArray());
  }

  @Test
  void badBytesAreMalformedInput() {
    String text =
        assertThrows(
                MalformedInputException.class,
                () ->
                    ImageDecoder.decode(
                        "{\"instances\": [1]}".getBytes(StandardCharsets.UTF_8),
                        spec(DataType.FLOAT32, -1, 2, 2, 3)))
            .getMessage();
    assertEquals("expected a PNG or JPEG image, found '{\"instan' at byte 0", text);
    String empty =
        assertThrows(
                MalformedInputException.class,
                () -> ImageDecoder.decode(new byte[0], spec(DataType.FLOAT32, -1, 2, 2, 3)))
            .getMessage();
    assertEquals("expected a PNG or JPEG image, found an empty file", empty);
  }

  @Test
  void otherImageFormatsAreNamed() {
    String message =
        assertThrows(
                MalformedInputException.class,
                () ->
                    ImageDecoder.decode(
                        encode(rgb(TWO_BY_TWO), "gif"), spec(DataType.FLOAT32, -1, 2, 2, 3)))
            .getMessage();
    assertEquals("expected a PNG or JPEG image, found a GIF image (convert it to PNG)", message);
  }

  @Test
  void truncatedFilesAreDamaged() {
    byte[] png = encode(noise(32, 32), "png");
    byte[] jpeg = encode(noise(32, 32), "jpeg");
    for (byte[] whole : new byte[][] {png, jpeg}) {
      byte[] cut = Arrays.copyOf(whole, whole.length / 2);
      String message =
          assertThrows(
                  MalformedInputException.class,
                  () -> ImageDecoder.decode(cut, spec(DataType.FLOAT32, -1, 4, 4, 3)))
              .getMessage();
      assertTrue(message.startsWith("expected a PNG or JPEG image, found a damaged "), message);
    }
  }

  @Test
  void specWithoutHeightAndWidthIsRefusedByName() {
    TensorSpec spec = spec(DataType.FLOAT32, -1, -1, -1, 3);
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> ImageDecoder.decode(encode(rgb(TWO_BY_TWO), "png"), spec))
            .getMessage();
    assertTrue(message.contains("image: float32 [-1, -1, -1, 3]"), message);
    assertFalse(message.contains("PNG"), message);
  }

  @Test
  void specsThatCannotTakeAnImage() {
    byte[] png = encode(rgb(TWO_BY_TWO), "png");
    for (TensorSpec spec :
        new TensorSpec[] {
          spec(DataType.FLOAT32, -1, 4),
          spec(DataType.FLOAT32, -1, 2, 2, 4),
          new TensorSpec("image", DataType.FLOAT32, Shape.UNKNOWN_RANK),
          spec(DataType.INT32, -1, 2, 2, 3),
        }) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> ImageDecoder.decode(png, spec))
              .getMessage();
      assertTrue(message.contains(spec.toString()), message);
      assertFalse(message.contains("expected a PNG"), message);
    }
  }

  @Test
  void imageFileNames() {
    assertTrue(ImageDecoder.isImage("cat.png"));
    assertTrue(ImageDecoder.isImage("CAT.JPG"));
    assertTrue(ImageDecoder.isImage("dir/photo.Jpeg"));
    assertFalse(ImageDecoder.isImage("cat.png.prediction.json"));
    assertFalse(ImageDecoder.isImage("cat.gif"));
    assertFalse(ImageDecoder.isImage("png"));
  }
}
