package io.edgeinfer.lite.format;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What the verifier needs to know about one kind of table: each field's id and how to follow it.
 * Fields a layout does not list are skipped, so a layout with no fields still checks that a table
 * of an unknown kind lies within the file.
 */
final class TableLayout {
  enum Kind {
    /** Inline bytes: an int, a float, an enum. */
    SCALAR,
    STRING,
    /** A vector of scalars of {@link Field#size()} bytes each. */
    VECTOR,
    TABLE,
    TABLE_VECTOR,
    /** A union's value; its type byte is the field {@link Field#unionTypeId()}. */
    UNION
  }

  /** One field; {@code size} is the scalar or element size, {@code unit} its name in messages. */
  record Field(
      int id,
      String name,
      Kind kind,
      int size,
      String unit,
      TableLayout table,
      int unionTypeId,
      IntFunction<TableLayout> unionMembers) {}

  private final String name;
  private final List<Field> fields;

  private TableLayout(String name, List<Field> fields) {
    this.name = name;
    this.fields = fields;
  }

  static TableLayout of(String name, Field... fields) {
    return new TableLayout(name, List.of(fields));
  }

  /** A table whose fields are not followed, only its own bounds checked. */
  static TableLayout opaque(String name) {
    return new TableLayout(name, List.of());
  }

  String name() {
    return name;
  }

  List<Field> fields() {
    return fields;
  }

  static Field scalar(int id, String name, int size) {
    return new Field(id, name, Kind.SCALAR, size, "", null, -1, null);
  }

  static Field string(int id, String name) {
    return new Field(id, name, Kind.STRING, 1, "byte", null, -1, null);
  }

  static Field vector(int id, String name, int elementSize, String unit) {
    return new Field(id, name, Kind.VECTOR, elementSize, unit, null, -1, null);
  }

  static Field table(int id, String name, TableLayout table) {
    return new Field(id, name, Kind.TABLE, 4, "", table, -1, null);
  }

  static Field tables(int id, String name, TableLayout table) {
    return new Field(id, name, Kind.TABLE_VECTOR, 4, "table offset", table, -1, null);
  }

  /** The value of a union whose type byte is field {@code typeId}; members maps type to layout. */
  static Field union(int typeId, int valueId, String name, IntFunction<TableLayout> members) {
    return new Field(valueId, name, Kind.UNION, 4, "", null, typeId, members);
  }
}
