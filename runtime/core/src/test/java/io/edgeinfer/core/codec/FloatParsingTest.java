package io.edgeinfer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Numbers are parsed by Jackson's fast parser, not the JDK's: it must give the JDK's value bit for
 * bit, the correctly rounded one, on every kind of text a request may hold.
 */
class FloatParsingTest {
  private static final int COUNT = 50_000;

  @Test
  void floatsAreTheJdksBitForBit() {
    List<String> texts = texts(new Random(7));
    ElementBuffer buffer = new ElementBuffer(DataType.FLOAT32);
    texts.forEach(text -> buffer.addNumber(text, false, MalformedInputException::new));
    Tensor tensor = buffer.toTensor(Shape.of(texts.size()));
    float[] parsed = tensor.toFloatArray();
    for (int i = 0; i < texts.size(); i++) {
      float expected = Float.parseFloat(texts.get(i));
      assertEquals(
          Float.floatToRawIntBits(expected),
          Float.floatToRawIntBits(parsed[i]),
          "parsing " + texts.get(i));
    }
  }

  @Test
  void doublesAreTheJdksBitForBit() {
    List<String> texts = texts(new Random(11));
    ElementBuffer buffer = new ElementBuffer(DataType.FLOAT64);
    texts.forEach(text -> buffer.addNumber(text, false, MalformedInputException::new));
    Tensor tensor = buffer.toTensor(Shape.of(texts.size()));
    for (int i = 0; i < texts.size(); i++) {
      double expected = Double.parseDouble(texts.get(i));
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(tensor.getDouble(i)),
          "parsing " + texts.get(i));
    }
  }

  /** Shortest float and double texts, long decimals, exponents, halfway cases and the edges. */
  private static List<String> texts(Random random) {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "0",
                "-0.0",
                "1e-46",
                "1.4e-45",
                "7.006492321624085e-46",
                "7.006492321624086e-46",
                "3.4028235e38",
                "3.40282357e38",
                "1e39",
                "1.17549435E-38",
                "16777217",
                "1.000000178813934326171875",
                "1.0000001788139343261718750001",
                "123456789012345678901234567890e-20",
                "NaN",
                "Infinity",
                "-Infinity"));
    while (texts.size() < COUNT) {
      texts.add(
          switch (texts.size() % 4) {
            case 0 -> Float.toString(finite(random));
            case 1 -> Float.toString((float) random.nextGaussian());
            case 2 ->
                Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(80) - 40));
            default ->
                String.format(
                    Locale.ROOT,
                    "%." + random.nextInt(20) + "e",
                    random.nextDouble() * Math.pow(10, random.nextInt(90) - 45));
          });
    }
    return texts;
  }

  private static float finite(Random random) {
    float value;
    do {
      value = Float.intBitsToFloat(random.nextInt());
    } while (!Float.isFinite(value));
    return value;
  }
}
