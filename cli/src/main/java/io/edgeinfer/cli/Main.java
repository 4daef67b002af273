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

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, Main.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static CommandLine commandLine(InputStream stdin) {
    CommandLine commandLine = new CommandLine(new EdgeinferCommand(stdin));
    // train, evaluate and quantize need the workstation modules; the edge distribution leaves them
    // out.
    if (isPresent("io.edgeinfer.train.Trainer")) {
      commandLine.addSubcommand(new TrainCommand());
      commandLine.addSubcommand(new EvaluateCommand());
    }
    if (isPresent("io.edgeinfer.quantize.Quantizer")) {
      commandLine.addSubcommand(new QuantizeCommand());
    }
    commandLine.setExecutionStrategy(new ConfigFileStrategy());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine;
  }
}
