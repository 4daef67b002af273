package io.edgeinfer.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

/**
 * PNGs with transparency are composited over black ({@code channel x alpha / 255}, rounded),
 * whatever their layout: RGBA, grey with alpha, a palette with a tRNS chunk.
 */
class AlphaTest {
  @Test
  void rgbaIsCompositedOverBlack() {
    BufferedImage rgba = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0x00123456); // transparent: its stored colour does not show
    rgba.setRGB(1, 0, 0x80ff8000); // half: 255 -> 128, 128 -> 64
    rgba.setRGB(2, 0, 0xff102030); // opaque: as it is
    RgbImage image = RgbImage.decode(Images.encode(rgba, "png"));
    assertEquals(0x000000, image.rgb(0, 0));
    assertEquals(0x804000, image.rgb(1, 0));
    assertEquals(0x102030, image.rgb(2, 0));
  }

  @Test
  void anOpaqueRgbaPngKeepsItsColours() {
    BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0xff123456);
    rgba.setRGB(1, 0, 0xffabcdef);
    RgbImage image = RgbImage.decode(Images.encode(rgba, "png"));
    assertEquals(0x123456, image.rgb(0, 0));
    assertEquals(0xabcdef, image.rgb(1, 0));
  }

  @Test
  void greyWithAlphaIsCompositedOverBlack() {
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(3, 1);
    raster.setPixel(0, 0, new int[] {200, 0});
    raster.setPixel(1, 0, new int[] {200, 128}); // 200 x 128 / 255 = 100.4
    raster.setPixel(2, 0, new int[] {200, 255});
    BufferedImage greyAlpha = new BufferedImage(model, raster, false, null);
    RgbImage image = RgbImage.decode(Images.encode(greyAlpha, "png"));
    assertEquals(0x000000, image.rgb(0, 0));
    assertEquals(0x646464, image.rgb(1, 0));
    assertEquals(0xc8c8c8, image.rgb(2, 0));
  }

  @Test
  void paletteWithTransparencyIsCompositedOverBlack() {
    byte[] r = {(byte) 255, (byte) 255, (byte) 255};
    byte[] g = {(byte) 255, (byte) 255, (byte) 255};
    byte[] b = {0, 0, 0};
    byte[] a = {0, 64, (byte) 255}; // yellow: transparent, a quarter, opaque
    IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, a);
    BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
    for (int x = 0; x < 3; x++) {
      indexed.getRaster().setSample(x, 0, 0, x);
    }
    RgbImage image = RgbImage.decode(Images.encode(indexed, "png"));
    assertEquals(0x000000, image.rgb(0, 0));
    assertEquals(0x404000, image.rgb(1, 0));
    assertEquals(0xffff00, image.rgb(2, 0));
  }

  @Test
  void theOlderTensorPathCompositesTheSame() {
    BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0x00ffffff);
    rgba.setRGB(1, 0, 0x80ff8000);
    Tensor tensor =
        ImageDecoder.decode(Images.encode(rgba, "png"), Images.spec(DataType.UINT8, 1, 1, 2, 3));
    assertArrayEquals(new float[] {0, 0, 0, 128, 64, 0}, tensor.toFloatArray());
  }
}
