package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One builtin options table of the format, written down once: its union member number, its name,
 * each field (id, name, kind, default, and which record component it holds) and how its values make
 * the {@link OperatorOptions} record. The reader ({@link #decode}), the writer ({@link #encode})
 * and the verifier's layout ({@link #layout}) all come from it; the tables themselves are in {@link
 * OptionsTables}.
 *
 * @param <T> the record the table decodes to
 */
final class OptionsTable<T extends OperatorOptions> {
  /** What a field holds, and its inline size in bytes. */
  enum Kind {
    INT32(4),
    FLOAT32(4),
    /** An enum or other byte: the record's value as its code. */
    UINT8(1),
    BOOL(1),
    INT32S(4),
    /** A field the verifier walks but no record holds (deprecated or unused by edgeinfer). */
    WALKED_BYTE(1),
    WALKED_INT32(4);

    final int size;

    Kind(int size) {
      this.size = size;
    }

    boolean walkedOnly() {
      return this == WALKED_BYTE || this == WALKED_INT32;
    }
  }

  /**
   * One field.
   *
   * @param defaultValue what an absent field reads as (and what is left out when written)
   * @param value the record's value for it: Integer (INT32, UINT8 codes), Float, Boolean or a list
   *     of Integer; null for walked-only fields
   */
  record Field<T>(int id, String name, Kind kind, double defaultValue, Function<T, Object> value) {}

  /** A table's field values as read, each field's default where it is absent. */
  final class Values {
    private final FlatTable table;

    private Values(FlatTable table) {
      this.table = table;
    }

    int int32(int id) {
      return table.int32(id, (int) field(id).defaultValue());
    }

    float float32(int id) {
      return table.float32(id, (float) field(id).defaultValue());
    }

    int uint8(int id) {
      return table.has(id) ? table.uint8(id) : (int) field(id).defaultValue();
    }

    boolean bool(int id) {
      return table.bool(id, field(id).defaultValue() != 0);
    }

    List<Integer> int32s(int id) {
      field(id);
      return Lists.ints(table.int32s(id));
    }
  }

  private final int member;
  private final String name;
  private final Class<T> type;
  private final Function<Values, T> decoder;
  private final List<Field<T>> fields;

  private OptionsTable(
      int member, String name, Class<T> type, Function<Values, T> decoder, List<Field<T>> fields) {
    this.member = member;
    this.name = name;
    this.type = type;
    this.decoder = decoder;
    this.fields = fields;
  }

  @SafeVarargs
  static <T extends OperatorOptions> OptionsTable<T> of(
      int member,
      String name,
      Class<T> type,
      Function<OptionsTable<T>.Values, T> decoder,
      Field<T>... fields) {
    List<Field<T>> list = new ArrayList<>();
    for (Field<T> field : fields) {
      list.add(field);
    }
    return new OptionsTable<>(member, name, type, decoder, List.copyOf(list));
  }

  static <T> Field<T> int32(int id, String name, int defaultValue, Function<T, Object> value) {
    return new Field<>(id, name, Kind.INT32, defaultValue, value);
  }

  static <T> Field<T> float32(int id, String name, Function<T, Object> value) {
    return new Field<>(id, name, Kind.FLOAT32, 0, value);
  }

  static <T> Field<T> uint8(int id, String name, Function<T, Object> value) {
    return new Field<>(id, name, Kind.UINT8, 0, value);
  }

  static <T> Field<T> bool(int id, String name, Function<T, Object> value) {
    return new Field<>(id, name, Kind.BOOL, 0, value);
  }

  static <T> Field<T> int32s(int id, String name, Function<T, Object> value) {
    return new Field<>(id, name, Kind.INT32S, 0, value);
  }

  static <T> Field<T> walkedByte(int id, String name) {
    return new Field<>(id, name, Kind.WALKED_BYTE, 0, null);
  }

  static <T> Field<T> walkedInt32(int id, String name) {
    return new Field<>(id, name, Kind.WALKED_INT32, 0, null);
  }

  int member() {
    return member;
  }

  Class<T> type() {
    return type;
  }

  /** The record from the table; {@code t} may be absent (every field reads as its default). */
  T decode(FlatTable t) {
    return decoder.apply(new Values(t));
  }

  /**
   * Writes the record's table and returns its offset: wider fields first, then by id (so the
   * builder packs them without padding), each left out where it equals its default.
   */
  int encode(FlatBufferBuilder b, OperatorOptions options) {
    T record = type.cast(options);
    List<Field<T>> written = new ArrayList<>();
    for (Field<T> field : fields) {
      if (!field.kind().walkedOnly()) {
        written.add(field);
      }
    }
    written.sort(
        Comparator.comparingInt((Field<T> f) -> -f.kind().size).thenComparingInt(Field::id));
    int[] vectors = new int[written.size()];
    for (int i = 0; i < vectors.length; i++) {
      if (written.get(i).kind() == Kind.INT32S) {
        List<Integer> values = ints(written.get(i).value().apply(record));
        vectors[i] = values.isEmpty() ? 0 : Vectors.ints(b, values);
      }
    }
    int count = 0;
    for (Field<T> field : fields) {
      count = Math.max(count, field.id() + 1);
    }
    b.startTable(count);
    for (int i = 0; i < vectors.length; i++) {
      Field<T> field = written.get(i);
      Object value = field.value().apply(record);
      switch (field.kind()) {
        case INT32 -> b.addInt(field.id(), (Integer) value, (int) field.defaultValue());
        case FLOAT32 -> b.addFloat(field.id(), (Float) value, field.defaultValue());
        case UINT8 ->
            b.addByte(field.id(), (byte) (int) (Integer) value, (int) field.defaultValue());
        case BOOL -> b.addBoolean(field.id(), (Boolean) value, field.defaultValue() != 0);
        case INT32S -> b.addOffset(field.id(), vectors[i], 0);
        default -> throw new AssertionError(field);
      }
    }
    return b.endTable();
  }

  /** What the verifier follows in the table. */
  TableLayout layout() {
    List<TableLayout.Field> walked = new ArrayList<>();
    fields.stream()
        .sorted(Comparator.comparingInt(Field::id))
        .forEach(
            f ->
                walked.add(
                    f.kind() == Kind.INT32S
                        ? TableLayout.vector(f.id(), f.name(), 4, "int32")
                        : TableLayout.scalar(f.id(), f.name(), f.kind().size)));
    return TableLayout.of(name, walked.toArray(TableLayout.Field[]::new));
  }

  /** A field's id by its name in the schema, for tests that patch single fields. */
  int id(String fieldName) {
    return fields.stream()
        .filter(f -> f.name().equals(fieldName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no field " + fieldName))
        .id();
  }

  private Field<T> field(int id) {
    for (Field<T> field : fields) {
      if (field.id() == id) {
        return field;
      }
    }
    throw new AssertionError(name + " has no field " + id);
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> ints(Object value) {
    return (List<Integer>) value;
  }
}
