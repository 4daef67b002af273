package io.edgeinfer.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable tensor on the Java heap: element type, shape and data. Numeric data is one
 * little-endian, row-major {@link ByteBuffer}; {@link DataType#STRING} elements are byte strings
 * (for example serialized {@code tf.Example} protos).
 *
 * <p>This is edgeinfer's own type: engines convert to and from their native tensors at the edge.
 */
public final class Tensor {
  private final DataType dataType;
  private final Shape shape;
  private final ByteBuffer data;
  private final List<byte[]> strings;

  private Tensor(DataType dataType, Shape shape, ByteBuffer data, List<byte[]> strings) {
    this.dataType = dataType;
    this.shape = shape;
    this.data = data;
    this.strings = strings;
  }

  /**
   * Wraps little-endian row-major bytes. The buffer's remaining bytes must match the shape exactly;
   * they are copied, so later changes to {@code bytes} do not show.
   */
  public static Tensor of(DataType dataType, Shape shape, ByteBuffer bytes) {
    Objects.requireNonNull(dataType, "dataType");
    if (dataType == DataType.STRING) {
      throw new IllegalArgumentException("expected a numeric type, found string: use ofStrings");
    }
    long expected = shape.elementCount() * dataType.byteSize();
    if (bytes.remaining() != expected) {
      throw new IllegalArgumentException(
          "expected "
              + expected
              + " bytes for "
              + dataType.label()
              + " "
              + shape
              + ", found "
              + bytes.remaining());
    }
    ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    copy.put(bytes.duplicate()).flip();
    return new Tensor(
        dataType, shape, copy.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), null);
  }

  public static Tensor ofFloats(float[] values, int... dims) {
    Shape shape = checkedShape(values.length, dims);
    ByteBuffer buffer = allocate(DataType.FLOAT32, values.length);
    buffer.asFloatBuffer().put(values);
    return wrap(DataType.FLOAT32, shape, buffer);
  }

  /** A rank-2 float tensor, one row per instance; rows must be of equal length. */
  public static Tensor ofFloats(float[][] rows) {
    int width = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException(
            "expected rows of " + width + " values, found " + rows[i].length + " in row " + i);
      }
      System.arraycopy(rows[i], 0, flat, i * width, width);
    }
    return ofFloats(flat, rows.length, width);
  }

  public static Tensor ofDoubles(double[] values, int... dims) {
    Shape shape = checkedShape(values.length, dims);
    ByteBuffer buffer = allocate(DataType.FLOAT64, values.length);
    buffer.asDoubleBuffer().put(values);
    return wrap(DataType.FLOAT64, shape, buffer);
  }

  public static Tensor ofInts(int[] values, int... dims) {
    Shape shape = checkedShape(values.length, dims);
    ByteBuffer buffer = allocate(DataType.INT32, values.length);
    buffer.asIntBuffer().put(values);
    return wrap(DataType.INT32, shape, buffer);
  }

  public static Tensor ofLongs(long[] values, int... dims) {
    Shape shape = checkedShape(values.length, dims);
    ByteBuffer buffer = allocate(DataType.INT64, values.length);
    buffer.asLongBuffer().put(values);
    return wrap(DataType.INT64, shape, buffer);
  }

  /** A tensor of one-byte elements: {@link DataType#INT8}, {@link DataType#UINT8} or BOOL. */
  public static Tensor ofBytes(DataType dataType, byte[] values, int... dims) {
    if (dataType.byteSize() != 1) {
      throw new IllegalArgumentException("expected int8, uint8 or bool, found " + dataType.label());
    }
    Shape shape = checkedShape(values.length, dims);
    ByteBuffer buffer = allocate(dataType, values.length);
    buffer.put(values).flip();
    return wrap(dataType, shape, buffer);
  }

  public static Tensor ofStrings(List<byte[]> values, int... dims) {
    Shape shape = checkedShape(values.size(), dims);
    List<byte[]> copies = new ArrayList<>(values.size());
    for (byte[] value : values) {
      copies.add(value.clone());
    }
    return new Tensor(DataType.STRING, shape, null, List.copyOf(copies));
  }

  public DataType dataType() {
    return dataType;
  }

  public Shape shape() {
    return shape;
  }

  public int size() {
    return (int) shape.elementCount();
  }

  /** The little-endian data, read-only, positioned at 0. Not available for strings. */
  public ByteBuffer data() {
    if (strings != null) {
      throw new IllegalStateException("expected a numeric tensor, found string");
    }
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The byte strings of a {@link DataType#STRING} tensor, row-major. */
  public List<byte[]> strings() {
    if (strings == null) {
      throw new IllegalStateException("expected a string tensor, found " + dataType.label());
    }
    List<byte[]> copies = new ArrayList<>(strings.size());
    for (byte[] value : strings) {
      copies.add(value.clone());
    }
    return copies;
  }

  /** Element {@code index} (row-major) of a numeric tensor as a double; exact except for int64. */
  public double getDouble(int index) {
    return switch (dataType) {
      case FLOAT32 -> data.getFloat(index * 4);
      case FLOAT64 -> data.getDouble(index * 8);
      case FLOAT16 -> Float16.toFloat(data.getShort(index * 2));
      case INT8 -> data.get(index);
      case UINT8 -> Byte.toUnsignedInt(data.get(index));
      case BOOL -> data.get(index) != 0 ? 1 : 0;
      case INT16 -> data.getShort(index * 2);
      case INT32 -> data.getInt(index * 4);
      case INT64 -> data.getLong(index * 8);
      case COMPLEX64, STRING ->
          throw new IllegalStateException(
              "expected a real numeric tensor, found " + dataType.label());
    };
  }

  /** Element {@code index} of an integer or bool tensor, exactly. */
  public long getLong(int index) {
    return switch (dataType) {
      case INT64 -> data.getLong(index * 8);
      case INT32 -> data.getInt(index * 4);
      case INT16 -> data.getShort(index * 2);
      case INT8 -> data.get(index);
      case UINT8 -> Byte.toUnsignedInt(data.get(index));
      case BOOL -> data.get(index) != 0 ? 1 : 0;
      default ->
          throw new IllegalStateException("expected an integer tensor, found " + dataType.label());
    };
  }

  /** All elements converted to float (row-major). */
  public float[] toFloatArray() {
    float[] values = new float[size()];
    if (dataType == DataType.FLOAT32) {
      data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return values;
    }
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) getDouble(i);
    }
    return values;
  }

  /** This tensor's data under another shape with the same number of elements. */
  public Tensor reshape(Shape newShape) {
    if (newShape.elementCount() != shape.elementCount()) {
      throw new IllegalArgumentException(
          "expected a shape of " + shape.elementCount() + " elements, found " + newShape);
    }
    return new Tensor(dataType, newShape, data, strings);
  }

  /** Rows {@code [from, to)} along the first dimension. */
  public Tensor slice(int from, int to) {
    int rows = shape.dim(0);
    if (from < 0 || to > rows || from > to) {
      throw new IllegalArgumentException(
          "expected rows within [0, " + rows + "], found [" + from + ", " + to + ")");
    }
    Shape sliced = shape.withFirstDim(to - from);
    int rowElements = rows == 0 ? 0 : (int) (shape.elementCount() / rows);
    if (strings != null) {
      return new Tensor(
          dataType, sliced, null, strings.subList(from * rowElements, to * rowElements));
    }
    int rowBytes = rowElements * dataType.byteSize();
    ByteBuffer view = data.duplicate().position(from * rowBytes).limit(to * rowBytes).slice();
    return new Tensor(dataType, sliced, view.order(ByteOrder.LITTLE_ENDIAN), null);
  }

  /** Joins tensors of the same type and trailing shape along the first dimension. */
  public static Tensor concat(List<Tensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("expected at least one tensor to concatenate, found none");
    }
    Tensor first = parts.get(0);
    int rows = 0;
    for (Tensor part : parts) {
      if (part.dataType != first.dataType
          || part.shape.rank() != first.shape.rank()
          || !part.shape.withFirstDim(0).equals(first.shape.withFirstDim(0))) {
        throw new IllegalArgumentException(
            "expected tensors like "
                + first.dataType.label()
                + " "
                + first.shape
                + ", found "
                + part.dataType.label()
                + " "
                + part.shape);
      }
      rows += part.shape.dim(0);
    }
    Shape joined = first.shape.withFirstDim(rows);
    if (first.strings != null) {
      List<byte[]> all = new ArrayList<>();
      parts.forEach(p -> all.addAll(p.strings));
      return new Tensor(DataType.STRING, joined, null, List.copyOf(all));
    }
    ByteBuffer buffer = allocate(first.dataType, (int) joined.elementCount());
    for (Tensor part : parts) {
      buffer.put(part.data.duplicate());
    }
    buffer.flip();
    return wrap(first.dataType, joined, buffer);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Tensor that)) {
      return false;
    }
    if (dataType != that.dataType || !shape.equals(that.shape)) {
      return false;
    }
    if (strings != null) {
      for (int i = 0; i < strings.size(); i++) {
        if (!Arrays.equals(strings.get(i), that.strings.get(i))) {
          return false;
        }
      }
      return true;
    }
    return data.duplicate().equals(that.data.duplicate());
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataType, shape, strings == null ? data.duplicate() : strings.size());
  }

  @Override
  public String toString() {
    return "Tensor(" + dataType.label() + " " + shape + ")";
  }

  private static Shape checkedShape(int length, int... dims) {
    Shape shape = dims.length == 0 ? Shape.of(length) : Shape.of(dims);
    if (!shape.isFullyKnown() || shape.elementCount() != length) {
      throw new IllegalArgumentException(
          "expected a shape of " + length + " elements, found " + shape);
    }
    return shape;
  }

  private static ByteBuffer allocate(DataType dataType, int elements) {
    return ByteBuffer.allocate(Math.multiplyExact(elements, dataType.byteSize()))
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  private static Tensor wrap(DataType dataType, Shape shape, ByteBuffer buffer) {
    return new Tensor(
        dataType, shape, buffer.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), null);
  }
}
