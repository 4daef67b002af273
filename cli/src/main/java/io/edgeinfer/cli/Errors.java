package io.edgeinfer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** One line for a user from any exception a command lets through. */
final class Errors {
  private Errors() {}

  static String describe(Throwable error) {
    Throwable cause =
        error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
    if (cause instanceof NoSuchFileException missing) {
      return "no such file or directory: " + missing.getFile();
    }
    if (cause instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    if (cause instanceof IOException) {
      return "I/O error: " + firstLine(message);
    }
    return firstLine(message);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
