package io.edgeinfer.quantize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.quantize.quant.ModelEmitter.WeightError;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a conversion did: sizes, operators, the error each layer's weights took on, the outputs'
 * difference from TensorFlow, accuracy before and after, and whether the file was written.
 *
 * @param savedModelBytes saved_model.pb plus the variables folder
 * @param variablesBytes the variables folder alone (the weights as TensorFlow stores them)
 * @param tfliteBytes the converted file
 * @param comparison null when no samples were given
 * @param accuracyBefore NaN when no evaluation data was given
 * @param written whether the .tflite file was written (false when the accuracy gate refused it)
 * @param notes what a reader would not expect from the mode asked for (e.g. int8 asked, float
 *     written because the graph has no weights)
 * @param reference the file in TensorFlow Lite's reference kernels against the lite engine; null
 *     without the oracle ({@link ReferenceCheck}) or samples
 */
public record QuantizeReport(
    String model,
    String signature,
    String mode,
    String out,
    long savedModelBytes,
    long variablesBytes,
    long tfliteBytes,
    Map<String, Integer> operators,
    List<WeightError> weightErrors,
    Comparison comparison,
    double accuracyBefore,
    double accuracyAfter,
    Double maxAccuracyDrop,
    boolean written,
    List<String> notes,
    ReferenceComparison reference) {

  public QuantizeReport {
    notes = List.copyOf(notes);
  }

  /** The same report, now with the reference run's result. */
  public QuantizeReport withReference(ReferenceComparison result) {
    return new QuantizeReport(
        model,
        signature,
        mode,
        out,
        savedModelBytes,
        variablesBytes,
        tfliteBytes,
        operators,
        weightErrors,
        comparison,
        accuracyBefore,
        accuracyAfter,
        maxAccuracyDrop,
        written,
        notes,
        result);
  }

  /** Accuracy lost, in percentage points (negative when it improved). */
  public double accuracyDrop() {
    return 100 * (accuracyBefore - accuracyAfter);
  }

  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("model", model);
      json.writeStringField("signature", signature);
      json.writeStringField("mode", mode);
      json.writeStringField("out", out);
      json.writeBooleanField("written", written);
      json.writeObjectFieldStart("bytes");
      json.writeNumberField("saved_model", savedModelBytes);
      json.writeNumberField("variables", variablesBytes);
      json.writeNumberField("tflite", tfliteBytes);
      json.writeNumberField("variables_over_tflite", (double) variablesBytes / tfliteBytes);
      json.writeEndObject();
      json.writeArrayFieldStart("notes");
      for (String note : notes) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("operators");
      for (Map.Entry<String, Integer> op : operators.entrySet()) {
        json.writeNumberField(op.getKey(), op.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("weight_errors");
      for (WeightError error : weightErrors) {
        json.writeStartObject();
        json.writeStringField("layer", error.layer());
        json.writeNumberField("weights", error.count());
        json.writeNumberField("max_abs_error", error.maxAbsError());
        json.writeNumberField("max_abs_weight", error.maxAbsWeight());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (comparison != null) {
        json.writeObjectFieldStart("against_tensorflow");
        json.writeNumberField("samples", comparison.samples());
        json.writeNumberField("max_abs_diff", comparison.maxAbsDiff());
        json.writeNumberField("mean_abs_diff", comparison.meanAbsDiff());
        if (!Double.isNaN(comparison.argmaxAgreement())) {
          json.writeNumberField("argmax_agreement", comparison.argmaxAgreement());
        }
        json.writeEndObject();
      }
      if (reference != null) {
        json.writeObjectFieldStart("against_tflite_reference");
        json.writeStringField("runtime", reference.runtime());
        if (reference.ran()) {
          json.writeNumberField("samples", reference.samples());
          json.writeNumberField("max_abs_diff", reference.maxAbsDiff());
          if (!Double.isNaN(reference.argmaxAgreement())) {
            json.writeNumberField("argmax_agreement", reference.argmaxAgreement());
          }
        } else {
          json.writeStringField("refused", reference.refusal());
        }
        if (!reference.checkedCopy().isEmpty()) {
          json.writeStringField("ran", reference.checkedCopy());
        }
        json.writeEndObject();
      }
      if (!Double.isNaN(accuracyBefore)) {
        json.writeObjectFieldStart("accuracy");
        json.writeNumberField("before", accuracyBefore);
        json.writeNumberField("after", accuracyAfter);
        json.writeNumberField("drop_points", accuracyDrop());
        if (maxAccuracyDrop != null) {
          json.writeNumberField("max_drop_points", maxAccuracyDrop);
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string failed", e);
    }
    return text + "\n";
  }

  /** The same for a person at a terminal. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(Locale.ROOT, "%s (%s) -> %s, mode %s%n", model, signature, out, mode));
    text.append(
        String.format(
            Locale.ROOT,
            "size: variables %s, .tflite %s (%s)%n",
            bytes(variablesBytes),
            bytes(tfliteBytes),
            sizeChange()));
    for (String note : notes) {
      text.append("note: ").append(note).append('\n');
    }
    text.append("operators: ").append(operators).append('\n');
    for (WeightError error : weightErrors) {
      text.append(
          String.format(
              Locale.ROOT,
              "  weights %-40s %7d values, max error %.3g (%.2f%% of max |w|)%n",
              error.layer(),
              error.count(),
              error.maxAbsError(),
              100 * error.maxAbsError() / Math.max(error.maxAbsWeight(), Float.MIN_NORMAL)));
    }
    if (comparison != null) {
      text.append(
          String.format(
              Locale.ROOT,
              "against tensorflow on %d samples: max |diff| %.3g, mean |diff| %.3g",
              comparison.samples(),
              comparison.maxAbsDiff(),
              comparison.meanAbsDiff()));
      if (!Double.isNaN(comparison.argmaxAgreement())) {
        text.append(
            String.format(
                Locale.ROOT, ", argmax agreement %.2f%%", 100 * comparison.argmaxAgreement()));
      }
      text.append('\n');
    }
    if (reference != null) {
      text.append(referenceLine()).append('\n');
    }
    if (!Double.isNaN(accuracyBefore)) {
      text.append(
          String.format(
              Locale.ROOT,
              "accuracy: %.2f%% -> %.2f%% (drop %.2f points%s)%n",
              100 * accuracyBefore,
              100 * accuracyAfter,
              accuracyDrop(),
              maxAccuracyDrop == null
                  ? ""
                  : String.format(Locale.ROOT, ", allowed %.2f", maxAccuracyDrop)));
    }
    text.append(written ? "wrote " + out : "did not write " + out).append('\n');
    return text.toString();
  }

  /** One line: the file in TFLite's reference kernels against the lite engine, or its refusal. */
  private String referenceLine() {
    String copy = reference.checkedCopy().isEmpty() ? "" : " (ran " + reference.checkedCopy() + ")";
    if (!reference.ran()) {
      return "against the TFLite reference, "
          + reference.runtime()
          + ": not run, it refused the file: "
          + reference.refusal()
          + copy;
    }
    String line =
        String.format(
            Locale.ROOT,
            "against the TFLite reference, %s, on %d samples: max |diff| from the lite engine %s",
            reference.runtime(),
            reference.samples(),
            reference.maxAbsDiff() == 0
                ? "0"
                : String.format(Locale.ROOT, "%.3g", reference.maxAbsDiff()));
    if (!Double.isNaN(reference.argmaxAgreement())) {
      line +=
          String.format(
              Locale.ROOT, ", argmax agreement %.2f%%", 100 * reference.argmaxAgreement());
    }
    return line + copy;
  }

  /** "2.23x smaller", or how much it grew (a graph with little or no weights grows). */
  private String sizeChange() {
    if (tfliteBytes <= variablesBytes) {
      return String.format(Locale.ROOT, "%.2fx smaller", (double) variablesBytes / tfliteBytes);
    }
    if (variablesBytes == 0) {
      return "no variables: the weights, if any, are constants in the graph";
    }
    return String.format(
        Locale.ROOT,
        "%.2fx larger: the file holds the graph too, which outweighs so few weights",
        (double) tfliteBytes / variablesBytes);
  }

  private static String bytes(long n) {
    return n < 10_000 ? n + " B" : String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
  }
}
