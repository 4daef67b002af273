package io.edgeinfer.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and exit code 1; the stack trace only
 * with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("edgeinfer: " + Errors.describe(exception));
    if (parseResult.hasMatchedOption("--verbose")
        || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))) {
      exception.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return ExitCodes.FAILURE;
  }
}
