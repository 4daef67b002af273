package io.edgeinfer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void fromFileName() {
    assertEquals(Optional.of(Format.JSON), Format.fromFileName("request.json"));
    assertEquals(Optional.of(Format.JSON), Format.fromFileName("batch.JSONL"));
    assertEquals(Optional.of(Format.CSV), Format.fromFileName("rows.csv"));
    assertEquals(Optional.of(Format.CSV), Format.fromFileName("/data/rows.csv.gz"));
    assertEquals(Optional.of(Format.NPY), Format.fromFileName("x.npy"));
    assertEquals(Optional.of(Format.RAW), Format.fromFileName("x.raw"));
    assertEquals(Optional.of(Format.RAW), Format.fromFileName("x.bin"));
    assertEquals(Optional.of(Format.RAW), Format.fromFileName("x.f32"));
    assertEquals(Optional.empty(), Format.fromFileName("x.npz"));
    assertEquals(Optional.empty(), Format.fromFileName("x.gz"));
    assertEquals(Optional.empty(), Format.fromFileName("json"));
  }

  @Test
  void fromLabel() {
    assertEquals(Format.NPY, Format.fromLabel("NPY"));
    assertEquals(Format.JSON, Format.fromLabel("json"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Format.fromLabel("xml"));
    assertEquals("expected one of json, csv, npy, raw, found 'xml'", e.getMessage());
  }
}
