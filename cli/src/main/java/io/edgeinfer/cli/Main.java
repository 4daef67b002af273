package io.edgeinfer.cli;

import java.io.InputStream;
import picocli.CommandLine;

/** The {@code edgeinfer} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code: 0 ok, 1 failure, 2 usage error. */
  public static int run(String... args) {
    return commandLine(System.in).execute(args);
  }

  static CommandLine commandLine(InputStream stdin) {
    CommandLine commandLine = new CommandLine(new EdgeinferCommand(stdin));
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine;
  }
}
