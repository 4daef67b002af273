package io.edgeinfer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgeinfer profile}: groups list, show, detect and bench. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Device profiles: per-board engine, precision, threads, batching and memory budget.",
    subcommands = {
      ProfileListCommand.class,
      ProfileShowCommand.class,
      ProfileDetectCommand.class,
      ProfileBenchCommand.class
    })
final class ProfileCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "expected a profile command (list, show, detect, bench), found none");
  }
}
