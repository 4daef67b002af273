package io.edgeinfer.cli;

/**
 * Whether a person is watching: progress is drawn on a terminal and left out of pipes and files.
 */
final class Terminal {
  private Terminal() {}

  /** True when stdin and stdout are both a terminal ({@code EDGEINFER_PROGRESS=0} says no). */
  static boolean isInteractive() {
    return System.console() != null && !"0".equals(System.getenv("EDGEINFER_PROGRESS"));
  }
}
