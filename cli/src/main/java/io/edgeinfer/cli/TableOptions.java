package io.edgeinfer.cli;

import io.edgeinfer.train.data.CsvOptions;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.DatasetReader;
import io.edgeinfer.train.data.LabelColumn;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How train and evaluate read a labelled table: the label column, the header, the delimiter. */
final class TableOptions {
  @Option(
      names = "--label-column",
      paramLabel = "N|last|NAME",
      defaultValue = "last",
      description =
          "The label's column: 0-based index, last, or its name in the header (default:"
              + " ${DEFAULT-VALUE}). Labels are numbers or class names (classes then sorted by"
              + " name).")
  String labelColumn;

  @Option(
      names = "--header",
      negatable = true,
      description =
          "Whether the CSV's first row is a header (default: detected: a row with text in it, or"
              + " scikit-learn's header of counts then class names).")
  Boolean header;

  @Option(
      names = "--delimiter",
      paramLabel = "C",
      description = "The CSV cell separator: , ; tab or | (default: detected).")
  String delimiter;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  LabelColumn labelColumn() {
    try {
      return LabelColumn.parse(labelColumn);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  CsvOptions csv() {
    try {
      return new CsvOptions(
          header, delimiter == null ? null : CsvOptions.parseDelimiter(delimiter));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  Dataset read(Path file) throws IOException {
    return DatasetReader.read(file, labelColumn(), csv());
  }
}
