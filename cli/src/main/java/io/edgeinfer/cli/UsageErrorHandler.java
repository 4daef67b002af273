package io.edgeinfer.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A usage error: the message, a pointer to {@code --help}, exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    commandLine.getErr().println("edgeinfer: " + message(exception));
    commandLine
        .getErr()
        .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    commandLine.getErr().flush();
    return ExitCodes.USAGE;
  }

  /** picocli's message, or where the command is when a workstation command was asked for. */
  private static String message(ParameterException exception) {
    CommandLine commandLine = exception.getCommandLine();
    if (exception instanceof UnmatchedArgumentException unmatched
        && commandLine.getParent() == null
        && !unmatched.getUnmatched().isEmpty()
        && WorkstationOnly.COMMANDS.contains(unmatched.getUnmatched().get(0))) {
      return "expected a command "
          + commandLine.getSubcommands().keySet()
          + ", found '"
          + unmatched.getUnmatched().get(0)
          + "', which is in "
          + WorkstationOnly.WHERE;
    }
    return exception.getMessage();
  }
}
