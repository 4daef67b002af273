package io.edgeinfer.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error: the message, picocli's "Did you mean" when a name is close to a real one, a
 * pointer to {@code --help}, exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    ParameterException shown = misspelledOption(exception, args);
    CommandLine commandLine = shown.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("edgeinfer: " + message(shown));
    UnmatchedArgumentException.printSuggestions(shown, err);
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * {@code predict --modle m} is missing {@code --model} only because of the typo: picocli reports
   * the missing option first, so the unknown one the user typed is found here and reported instead.
   */
  private static ParameterException misspelledOption(ParameterException exception, String[] args) {
    if (!(exception instanceof MissingParameterException)) {
      return exception;
    }
    CommandLine commandLine = exception.getCommandLine();
    for (String arg : args) {
      if (isUnknownOption(commandLine, arg)) {
        return new UnmatchedArgumentException(commandLine, List.of(arg));
      }
    }
    return exception;
  }

  private static boolean isUnknownOption(CommandLine commandLine, String arg) {
    if (!arg.startsWith("-") || arg.equals("-") || arg.matches("-[0-9.].*")) {
      return false;
    }
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    for (CommandSpec spec = commandLine.getCommandSpec(); spec != null; spec = spec.parent()) {
      if (spec.findOption(name) != null) {
        return false;
      }
    }
    return true;
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
