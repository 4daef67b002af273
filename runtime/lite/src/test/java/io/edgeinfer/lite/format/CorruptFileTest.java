package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.UnsupportedModelException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged files must be refused with a {@link MalformedModelException}, or load if the damage
 * happens to leave a valid model; never an IndexOutOfBoundsException, an OutOfMemoryError, any
 * other exception, or a hang. A flipped byte can also turn a valid model into a valid model that
 * uses what edgeinfer cannot hold (a COMPLEX128 tensor type, another schema version): that is
 * refused with an {@link UnsupportedModelException}, also a clean outcome.
 */
@Timeout(120)
class CorruptFileTest {
  private static final long SEED = 20_251_130L;

  private enum Outcome {
    LOADED,
    MALFORMED,
    UNSUPPORTED
  }

  private static Outcome load(byte[] bytes, String what) {
    try {
      TfliteFile.read(bytes);
      return Outcome.LOADED;
    } catch (MalformedModelException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what);
      return Outcome.MALFORMED;
    } catch (UnsupportedModelException e) {
      return Outcome.UNSUPPORTED;
    } catch (Throwable t) {
      throw new AssertionError(
          what + ": expected a model or MalformedModelException, found " + t, t);
    }
  }

  @Test
  void everyPrefixIsRefusedAsMalformed() {
    byte[] bytes = TestModels.kitchenSinkBytes();
    for (int length = 0; length < bytes.length; length++) {
      Outcome outcome = load(Arrays.copyOf(bytes, length), "prefix of " + length + " bytes");
      // The buffers' data sits at the end of the file, so every cut loses something that is
      // referred to.
      assertEquals(Outcome.MALFORMED, outcome, "prefix of " + length + " bytes");
    }
  }

  @Test
  void twoThousandSingleByteFlipsLoadOrAreRefused() {
    int[] counts = flips(TestModels.kitchenSinkBytes(), 2_000, SEED);
    assertTrue(counts[Outcome.MALFORMED.ordinal()] > 100, Arrays.toString(counts));
    assertTrue(counts[Outcome.LOADED.ordinal()] > 100, Arrays.toString(counts));
  }

  @Test
  void flipsInTheConvertersFilesLoadOrAreRefused() throws Exception {
    for (String name :
        new String[] {
          "hello_world_float.tflite", "hello_world_int8.tflite", "simple_add_model.tflite"
        }) {
      byte[] bytes = Files.readAllBytes(TestModels.shared(name));
      flips(bytes, 1_000, SEED + name.hashCode());
      for (int length = 0; length < bytes.length; length++) {
        load(Arrays.copyOf(bytes, length), name + " cut to " + length + " bytes");
      }
    }
  }

  @Test
  void extremeValuesAtEveryOffsetLoadOrAreRefused() {
    // Offsets and lengths are 32-bit words, vtable entries 16-bit: put the values most likely to
    // break arithmetic at every place, aligned or not.
    byte[] original = TestModels.kitchenSinkBytes();
    int[] words = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF_FFFC, 4, 0x10000};
    short[] halves = {0, -1, Short.MAX_VALUE, Short.MIN_VALUE, 2, 3, 4};
    for (int at = 0; at + 4 <= original.length; at++) {
      for (int value : words) {
        byte[] bytes = original.clone();
        TestModels.le(bytes).putInt(at, value);
        load(bytes, "word " + value + " at offset " + at);
      }
      for (short value : halves) {
        byte[] bytes = original.clone();
        TestModels.le(bytes).putShort(at, value);
        load(bytes, "short " + value + " at offset " + at);
      }
    }
  }

  @Test
  void randomDamageOfManyBytesLoadsOrIsRefused() {
    byte[] original = TestModels.kitchenSinkBytes();
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int trial = 0; trial < 500; trial++) {
      byte[] bytes = original.clone();
      int damaged = 1 + random.nextInt(32);
      for (int i = 0; i < damaged; i++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      load(bytes, "trial " + trial + " of seed " + (SEED + 1));
    }
  }

  /** Flips one byte at a time at seeded random places; returns the count of each outcome. */
  private static int[] flips(byte[] original, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] counts = new int[Outcome.values().length];
    for (int i = 0; i < count; i++) {
      byte[] bytes = original.clone();
      int at = random.nextInt(bytes.length);
      int mask = 1 + random.nextInt(255);
      bytes[at] ^= (byte) mask;
      Outcome outcome =
          load(bytes, "flip " + i + " of seed " + seed + ": byte " + at + " xor " + mask);
      counts[outcome.ordinal()]++;
    }
    if (counts[Outcome.LOADED.ordinal()]
            + counts[Outcome.MALFORMED.ordinal()]
            + counts[Outcome.UNSUPPORTED.ordinal()]
        != count) {
      fail("lost a case");
    }
    return counts;
  }
}
