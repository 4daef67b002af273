package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes vectors of numbers into a {@link FlatBufferBuilder} (elements go in back to front). */
final class Vectors {
  private Vectors() {}

  static int ints(FlatBufferBuilder b, List<Integer> values) {
    b.startVector(4, values.size(), 4);
    for (int i = values.size() - 1; i >= 0; i--) {
      b.addInt(values.get(i));
    }
    return b.endVector();
  }

  static int ints(FlatBufferBuilder b, int[] values) {
    b.startVector(4, values.length, 4);
    for (int i = values.length - 1; i >= 0; i--) {
      b.addInt(values[i]);
    }
    return b.endVector();
  }

  static int floats(FlatBufferBuilder b, List<Float> values) {
    b.startVector(4, values.size(), 4);
    for (int i = values.size() - 1; i >= 0; i--) {
      b.addFloat(values.get(i));
    }
    return b.endVector();
  }

  static int longs(FlatBufferBuilder b, List<Long> values) {
    b.startVector(8, values.size(), 8);
    for (int i = values.size() - 1; i >= 0; i--) {
      b.addLong(values.get(i));
    }
    return b.endVector();
  }

  /**
   * A byte vector whose first byte lands on a multiple of {@code alignment} from the start of the
   * finished file (the builder aligns from the end, and pads the finished size to its largest
   * alignment, so the two agree).
   */
  static int alignedBytes(FlatBufferBuilder b, ByteBuffer data, int alignment) {
    ByteBuffer target = b.createUnintializedVector(1, data.remaining(), alignment);
    target.put(data.duplicate());
    return b.endVector();
  }

  static int tables(FlatBufferBuilder b, int[] offsets) {
    return b.createVectorOfTables(offsets);
  }
}
