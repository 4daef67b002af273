package io.edgeinfer.cli;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command; it only groups the subcommands. */
@Command(
    name = "edgeinfer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs machine-learning models on small devices.",
    subcommands = {
      InspectCommand.class,
      PredictCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      ProfileCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure (bad model, bad input)", "2:usage error"})
final class EdgeinferCommand implements Runnable {
  /** Where {@code -} inputs are read from; tests replace it. */
  final InputStream stdin;

  EdgeinferCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "expected a command " + spec.subcommands().keySet() + ", found none");
  }
}
