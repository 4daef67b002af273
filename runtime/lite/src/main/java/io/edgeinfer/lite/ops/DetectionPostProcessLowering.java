package io.edgeinfer.lite.ops;

import com.google.flatbuffers.ArrayReadWriteBuf;
import com.google.flatbuffers.FlexBuffers;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.DetectionPostProcess;
import io.edgeinfer.lite.kernels.Quant;
import java.nio.ByteBuffer;

/**
 * The custom op {@code TFLite_Detection_PostProcess} that ends SSD detectors: box encodings and
 * class scores (float32, or 8-bit quantized) with constant anchors in, four float32 outputs (boxes,
 * classes, scores, count). Its options are a FlexBuffer map in the operator's custom options.
 */
final class DetectionPostProcessLowering implements Lowering {
  static final String NAME = "TFLite_Detection_PostProcess";

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    DetectionPostProcess.Options options = options(op.customOptions());
    int boxes = ctx.operand(op, 0);
    int scores = ctx.operand(op, 1);
    int anchorsIndex = ctx.operand(op, 2);
    LiteTensor anchorTensor = ctx.constant(op, 2, "anchors");
    if (op.outputs().size() != 4) {
      throw new Unsupported("expected 4 outputs, found " + op.outputs().size());
    }
    for (int i = 0; i < 4; i++) {
      ctx.requireFloat(op.output(i));
    }
    Quant boxQuant = quantOrNull(ctx.tensor(boxes));
    Quant scoreQuant = quantOrNull(ctx.tensor(scores));
    float[] anchors = dequantized(ctx.constants()[anchorsIndex], quantOrNull(anchorTensor));
    DetectionPostProcess kernel = new DetectionPostProcess(options, anchors);
    int[] outputs = op.outputs().stream().mapToInt(Integer::intValue).toArray();
    return new Step(
        ctx.name(),
        new int[] {boxes, scores},
        outputs,
        s -> kernel.outputShapes(s[boxes], s[scores]),
        (buf, s, scratch) ->
            kernel.run(
                floats(buf[boxes], boxQuant, scratch.floats(0, Math.max(1, count(s[boxes])))),
                s[boxes],
                floats(buf[scores], scoreQuant, scratch.floats(1, Math.max(1, count(s[scores])))),
                s[scores],
                (float[]) buf[outputs[0]],
                (float[]) buf[outputs[1]],
                (float[]) buf[outputs[2]],
                (float[]) buf[outputs[3]],
                scratch));
  }

  private static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  private static Quant quantOrNull(LiteTensor tensor) throws Unsupported {
    if (OpContext.isFloat(tensor)) {
      return null;
    }
    if (!OpContext.isQuantized8(tensor)) {
      throw new Unsupported("expected float32 or quantized 8-bit " + tensor);
    }
    return OpContext.quant(tensor);
  }

  /** The values as floats: float32 as they are, 8-bit ones dequantized into {@code into}. */
  private static float[] floats(Object held, Quant quant, float[] into) {
    if (quant == null) {
      return (float[]) held;
    }
    byte[] q = (byte[]) held;
    int n = Math.min(q.length, into.length);
    for (int i = 0; i < n; i++) {
      into[i] = quant.dequantize(q[i]);
    }
    return into;
  }

  private static float[] dequantized(Object held, Quant quant) {
    if (quant == null) {
      return ((float[]) held).clone();
    }
    return floats(held, quant, new float[((byte[]) held).length]);
  }

  static DetectionPostProcess.Options options(ByteBuffer custom) throws Unsupported {
    if (!custom.hasRemaining()) {
      throw new Unsupported("no options (expected a FlexBuffer map)");
    }
    FlexBuffers.Map map;
    try {
      ByteBuffer bytes = custom.duplicate();
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      map = FlexBuffers.getRoot(new ArrayReadWriteBuf(copy, copy.length)).asMap();
    } catch (RuntimeException e) {
      throw new Unsupported("unreadable options: " + e.getMessage());
    }
    return new DetectionPostProcess.Options(
        intOr(map, "max_detections", -1),
        intOr(map, "max_classes_per_detection", 1),
        intOr(map, "detections_per_class", 100),
        map.get("use_regular_nms").asBoolean(),
        floatOr(map, "nms_score_threshold", 0f),
        floatOr(map, "nms_iou_threshold", 0f),
        intOr(map, "num_classes", -1),
        floatOr(map, "y_scale", 0f),
        floatOr(map, "x_scale", 0f),
        floatOr(map, "h_scale", 0f),
        floatOr(map, "w_scale", 0f));
  }

  private static int intOr(FlexBuffers.Map map, String key, int otherwise) {
    FlexBuffers.Reference r = map.get(key);
    return r.isNull() ? otherwise : r.asInt();
  }

  private static float floatOr(FlexBuffers.Map map, String key, float otherwise) {
    FlexBuffers.Reference r = map.get(key);
    return r.isNull() ? otherwise : (float) r.asFloat();
  }
}
