package io.edgeinfer.train;

import java.util.Locale;

/** What a model learns: a class out of several, or a number. */
public enum Task {
  CLASSIFICATION,
  REGRESSION;

  public static Task parse(String text) {
    for (Task task : values()) {
      if (task.name().equalsIgnoreCase(text)) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "expected a task of classification or regression, found '" + text + "'");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
