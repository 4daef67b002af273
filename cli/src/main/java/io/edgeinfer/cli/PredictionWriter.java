package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.OutputEncoder;
import io.edgeinfer.core.vision.VisionResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes predictions as JSON lines (one per input, naming it) or as CSV (one row per instance, with
 * a header before the first).
 */
final class PredictionWriter implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final boolean csv;
  private final boolean ownsOut;
  private boolean headerWritten;

  private PredictionWriter(Writer out, boolean csv, boolean ownsOut) {
    this.out = out;
    this.csv = csv;
    this.ownsOut = ownsOut;
  }

  /** Whether rows go out as CSV: {@code format} csv, or none and a target ending in .csv. */
  static boolean isCsv(String target, String format) {
    if (format == null) {
      return target.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
    if (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("json")) {
      return format.equalsIgnoreCase("csv");
    }
    throw new IllegalArgumentException(
        "expected an output format of json or csv, found '" + format + "'");
  }

  /**
   * {@code target} is a file or {@code -}; {@code format} json, csv, or null to go by extension.
   */
  static PredictionWriter open(String target, String format, CommandSpec spec) throws IOException {
    boolean csv = isCsv(target, format);
    if (target.equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
      return new PredictionWriter(stdout, csv, false);
    }
    return new PredictionWriter(
        Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8), csv, true);
  }

  void write(String inputName, Map<String, Tensor> outputs, Signature signature, boolean columnar)
      throws IOException {
    if (csv) {
      if (!headerWritten) {
        out.write(OutputEncoder.csvHeader(outputs, signature));
        out.write('\n');
        headerWritten = true;
      }
      OutputEncoder.writeCsvRows(out, inputName, outputs, signature);
    } else {
      StringWriter line = new StringWriter();
      try (JsonGenerator json = JSON.createGenerator(line)) {
        json.writeStartObject();
        json.writeStringField("input", inputName);
        OutputEncoder.writePredictionsField(json, outputs, signature, columnar);
        json.writeEndObject();
      }
      out.write(line.toString());
      out.write('\n');
    }
    out.flush();
  }

  /** One image's answer as a JSON line: {@code {"input":NAME,"task":...}}. */
  void write(String inputName, VisionResult result) throws IOException {
    StringWriter line = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("input", inputName);
      result.writeFields(json);
      json.writeEndObject();
    }
    out.write(line.toString());
    out.write('\n');
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (ownsOut) {
      out.close();
    } else {
      out.flush();
    }
  }
}
