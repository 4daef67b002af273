package io.edgeinfer.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Option values checked after picocli has parsed them: a bad one is a usage error (exit 2), as
 * picocli's own are, not a failure (exit 1).
 */
final class Usage {
  private Usage() {}

  /** Parses a typed value; its IllegalArgumentException becomes a usage error. */
  static <T> T parse(CommandSpec spec, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** A usage error unless {@code ok}. */
  static void require(CommandSpec spec, boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
