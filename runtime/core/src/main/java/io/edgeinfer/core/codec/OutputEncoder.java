package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes predictions as TF Serving's REST API does (JSON rows or columns), or as CSV. Outputs are
 * written in the signature's order; a rank-0 output counts as one instance.
 */
public final class OutputEncoder {
  private OutputEncoder() {}

  /**
   * Writes the field {@code "predictions"} (row form) or {@code "outputs"} (columnar) into an
   * object the caller has opened. Rows: with one output, a list with one value per instance; with
   * several, a list of objects {@code {outputName: value}}. Columnar: with one output its whole
   * value, with several an object of them.
   *
   * @throws IllegalArgumentException in row form when the outputs' batch sizes differ
   */
  public static void writePredictionsField(
      JsonGenerator json, Map<String, Tensor> outputs, Signature signature, boolean columnar)
      throws IOException {
    Map<String, Tensor> ordered = Outputs.ordered(outputs, signature);
    if (columnar) {
      json.writeFieldName("outputs");
      writeColumns(json, ordered);
    } else {
      json.writeFieldName("predictions");
      writeRows(json, ordered);
    }
  }

  /** A whole document, {@code {"predictions": ...}} or {@code {"outputs": ...}}. */
  public static String toJson(Map<String, Tensor> outputs, Signature signature, boolean columnar) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      writePredictionsField(json, outputs, signature, columnar);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The CSV header line, without a line break: {@code input,instance,} then one column per value of
   * an instance. An output with one scalar per instance is a column named after it; any other
   * output {@code o} of {@code k} values per instance is {@code o_0..o_{k-1}} (row-major).
   */
  public static String csvHeader(Map<String, Tensor> outputs, Signature signature) {
    List<String> names = new ArrayList<>(List.of("input", "instance"));
    Outputs.ordered(outputs, signature)
        .forEach(
            (name, tensor) -> {
              if (tensor.shape().rank() <= 1) {
                names.add(name);
              } else {
                for (int i = 0; i < Outputs.instanceSize(tensor); i++) {
                  names.add(name + "_" + i);
                }
              }
            });
    StringBuilder line = new StringBuilder();
    try {
      printCells(line, names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString();
  }

  /**
   * One line per instance, each ending in {@code \n}, matching {@link #csvHeader}: the input's name
   * (e.g. its file), the instance's index from 0, then the values. Strings are written as text when
   * they are valid UTF-8, else as base64.
   *
   * @throws IllegalArgumentException when the outputs' batch sizes differ
   */
  public static void writeCsvRows(
      Appendable out, String inputName, Map<String, Tensor> outputs, Signature signature)
      throws IOException {
    Map<String, Tensor> ordered = Outputs.ordered(outputs, signature);
    int batch = Outputs.batch(ordered);
    // Tensor.strings() copies, so take each string tensor's list once.
    Map<String, List<byte[]>> strings = new LinkedHashMap<>();
    ordered.forEach(
        (name, tensor) -> {
          if (tensor.dataType() == DataType.STRING) {
            strings.put(name, tensor.strings());
          }
        });
    for (int instance = 0; instance < batch; instance++) {
      List<String> cells = new ArrayList<>();
      cells.add(inputName);
      cells.add(Integer.toString(instance));
      for (Map.Entry<String, Tensor> entry : ordered.entrySet()) {
        Tensor tensor = entry.getValue();
        List<byte[]> values = strings.get(entry.getKey());
        int size = Outputs.instanceSize(tensor);
        for (int k = instance * size; k < (instance + 1) * size; k++) {
          cells.add(values == null ? Elements.text(tensor, k) : csvString(values.get(k)));
        }
      }
      printRecord(out, cells);
    }
  }

  private static void writeRows(JsonGenerator json, Map<String, Tensor> ordered)
      throws IOException {
    int batch = Outputs.batch(ordered);
    Map<String, JsonTensorWriter> writers = new LinkedHashMap<>();
    ordered.forEach((name, tensor) -> writers.put(name, new JsonTensorWriter(json, tensor)));
    json.writeStartArray();
    for (int i = 0; i < batch; i++) {
      if (writers.size() == 1) {
        writers.values().iterator().next().writeInstance(i);
        continue;
      }
      json.writeStartObject();
      for (Map.Entry<String, JsonTensorWriter> entry : writers.entrySet()) {
        json.writeFieldName(entry.getKey());
        entry.getValue().writeInstance(i);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeColumns(JsonGenerator json, Map<String, Tensor> ordered)
      throws IOException {
    if (ordered.size() == 1) {
      new JsonTensorWriter(json, ordered.values().iterator().next()).writeAll();
      return;
    }
    json.writeStartObject();
    for (Map.Entry<String, Tensor> entry : ordered.entrySet()) {
      json.writeFieldName(entry.getKey());
      new JsonTensorWriter(json, entry.getValue()).writeAll();
    }
    json.writeEndObject();
  }

  private static String csvString(byte[] bytes) {
    return Elements.utf8(bytes).orElseGet(() -> Base64.getEncoder().encodeToString(bytes));
  }

  /** Cells quoted as CSV needs, then {@code \n}. */
  private static void printRecord(Appendable out, List<String> cells) throws IOException {
    printCells(out, cells);
    out.append('\n');
  }

  private static void printCells(Appendable out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      CSVFormat.DEFAULT.print(cells.get(i), out, i == 0);
    }
  }
}
