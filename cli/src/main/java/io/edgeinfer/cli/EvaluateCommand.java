package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.Model;
import io.edgeinfer.train.Evaluation;
import io.edgeinfer.train.Evaluator;
import io.edgeinfer.train.data.Dataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeinfer evaluate}: how well a model does on labelled data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score a model on labelled data: loss, accuracy, per-class precision, recall and F1, macro"
          + " F1 and the confusion matrix; MSE, MAE and R² for regression."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "A model any engine can load.")
  Path modelPath;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "NPY, CSV or CSV.gz: features, then the label.")
  Path data;

  @Mixin TableOptions table;

  @Option(
      names = {"-s", "--signature"},
      paramLabel = "NAME",
      description = "Default: serving_default.")
  String signature;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin ModelOptions modelOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Dataset dataset = table.read(data);
    Evaluation evaluation;
    try (Model model = modelOptions.load(modelPath)) {
      evaluation =
          Evaluator.evaluate(
              model, signature == null ? model.defaultSignature().name() : signature, dataset);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    evaluation.warnings().forEach(warning -> err.println("edgeinfer: warning: " + warning));
    err.flush();
    if (json) {
      try (JsonGenerator generator = JsonReports.open(out)) {
        generator.writeStartObject();
        generator.writeStringField("model", modelPath.toString());
        generator.writeStringField("data", data.toString());
        generator.writeNumberField("rows", dataset.size());
        generator.writeStringField("task", evaluation.task().label());
        generator.writeStringField("output", evaluation.output());
        generator.writeArrayFieldStart("warnings");
        for (String warning : evaluation.warnings()) {
          generator.writeString(warning);
        }
        generator.writeEndArray();
        generator.writeFieldName("report");
        if (evaluation.classification() != null) {
          evaluation.classification().writeJson(generator);
        } else {
          evaluation.regression().writeJson(generator);
        }
        generator.writeEndObject();
      }
      out.println();
    } else {
      out.printf(
          "%s on %s (%d rows, output '%s')%n",
          modelPath, data, dataset.size(), evaluation.output());
      out.println(
          evaluation.classification() != null
              ? evaluation.classification().toText()
              : evaluation.regression().toText());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
