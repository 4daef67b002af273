package io.edgeinfer.lite.kernels;

/**
 * HARD_SWISH, x * relu6(x + 3) / 6: float32 as written, int8 in TFLite's 16-bit fixed point (the
 * input moved to a scale 128 times finer, a "reluish" factor in [-1, 1] at scale 3/32768, their
 * product rescaled to the output).
 */
public final class HardSwish {
  private HardSwish() {}

  public static void runFloat(float[] in, float[] out, int size) {
    for (int i = 0; i < size; i++) {
      float x = in[i];
      out[i] = x * Math.min(6f, Math.max(0f, x + 3)) / 6;
    }
  }

  /** The int8 kernel, prepared once from the input and output quantization. */
  public static final class Int8 {
    private final int inZero;
    private final int outZero;
    private final int outMultiplier;
    private final int outExponent;
    private final int reluishMultiplier;
    private final int reluishExponent;

    public Int8(Quant in, Quant out) {
      inZero = in.zeroPoint();
      outZero = out.zeroPoint();
      float hiresInputScale = (1.0f / 128.0f) * in.scale();
      float reluishScale = 3.0f / 32768.0f;
      Quantization.Multiplier o =
          Quantization.quantizeMultiplier((double) (hiresInputScale / out.scale()));
      Quantization.Multiplier r =
          Quantization.quantizeMultiplier((double) (hiresInputScale / reluishScale));
      if (o.shift() > 0) {
        throw new IllegalArgumentException(
            "HARD_SWISH: expected an output scale at least 1/128 of the input's");
      }
      outMultiplier = toInt16(o.multiplier());
      outExponent = o.shift();
      reluishMultiplier = toInt16(r.multiplier());
      reluishExponent = r.shift();
    }

    /** TFLite's DownScaleInt32ToInt16Multiplier: the 32-bit multiplier's rounded top half. */
    static int toInt16(int multiplier) {
      if (multiplier >= Integer.MAX_VALUE - (1 << 15)) {
        return Short.MAX_VALUE;
      }
      return (multiplier + (1 << 15)) >> 16;
    }

    public void run(byte[] in, byte[] out, int size) {
      for (int i = 0; i < size; i++) {
        int input = in[i] - inZero;
        int hires = (short) (input * (1 << 7));
        int preshift = doublingHighMul16(hires, outMultiplier);
        int reluish = hires;
        if (reluishExponent > 0) {
          reluish = saturatingLeftShift16(reluish, reluishExponent - 1);
        }
        reluish = doublingHighMul16(reluish, reluishMultiplier);
        if (reluishExponent > 0) {
          reluish = saturatingLeftShift16(reluish, 1);
        }
        if (reluishExponent < 0) {
          reluish = Quantization.roundingDivideByPot(reluish, -reluishExponent);
        }
        reluish = (short) ((reluish + (1 << 15)) >> 1);
        int product = truncatingDoublingHighMul16(reluish, preshift);
        int value = (short) Quantization.roundingDivideByPot(product, -outExponent);
        value = (short) (value + outZero);
        out[i] = (byte) Math.max(-128, Math.min(127, value));
      }
    }

    /** gemmlowp's SaturatingRoundingDoublingHighMul on int16 values. */
    static int doublingHighMul16(int a, int b) {
      if (a == Short.MIN_VALUE && b == Short.MIN_VALUE) {
        return Short.MAX_VALUE;
      }
      int ab = a * b;
      int nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
      return (short) ((ab + nudge) / (1 << 15));
    }

    /** The same product without the rounding nudge (TFLite's SaturatingDoublingHighMul). */
    static int truncatingDoublingHighMul16(int a, int b) {
      if (a == Short.MIN_VALUE && b == Short.MIN_VALUE) {
        return Short.MAX_VALUE;
      }
      return (short) ((a * b) / (1 << 15));
    }

    static int saturatingLeftShift16(int value, int amount) {
      long result = (long) value * (1L << amount);
      return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, result));
    }
  }
}
