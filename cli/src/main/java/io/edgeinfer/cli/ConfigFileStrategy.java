package io.edgeinfer.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Applies {@code serve --config FILE}: picocli fills defaults while it parses, and the file is only
 * known after the first parse, so the command line is parsed again with the file's values as the
 * defaults (typed flags still win), then run as usual.
 */
final class ConfigFileStrategy implements IExecutionStrategy {
  private static final String OPTION = "--config";

  @Override
  public int execute(ParseResult parseResult) {
    ParseResult serve = parseResult.subcommand();
    if (serve == null
        || !serve.commandSpec().name().equals("serve")
        || !serve.hasMatchedOption(OPTION)) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    CommandLine command = serve.commandSpec().commandLine();
    Path file = serve.matchedOptionValue(OPTION, null);
    try {
      command.setDefaultValueProvider(
          YamlConfigDefaults.read(file, command.getCommandSpec().options()));
    } catch (IOException | IllegalArgumentException e) {
      throw new ParameterException(command, "cannot use --config " + file + ": " + e.getMessage());
    }
    CommandLine root = parseResult.commandSpec().commandLine();
    return new CommandLine.RunLast()
        .execute(root.parseArgs(parseResult.originalArgs().toArray(String[]::new)));
  }
}
