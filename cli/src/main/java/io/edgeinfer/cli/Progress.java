package io.edgeinfer.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on stderr for a job that runs long enough to wonder about (over {@value
 * #QUIET_MS} ms), redrawn in place at most every {@value #REDRAW_MS} ms, and wiped when done. Only
 * on a terminal: piped or redirected, nothing at all.
 */
final class Progress implements AutoCloseable {
  static final long QUIET_MS = 2000;
  static final long REDRAW_MS = 250;

  private final PrintWriter err;
  private final boolean shown;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;
  private int drawnWidth;

  private Progress(PrintWriter err, boolean shown) {
    this.err = err;
    this.shown = shown;
  }

  /** Progress for people at a terminal; silent otherwise. */
  static Progress onTerminal(PrintWriter err) {
    return new Progress(err, Terminal.isInteractive());
  }

  /**
   * Says how far {@code stage} is, e.g. {@code timing 12000/50000}; cheap when nothing is drawn.
   */
  void update(String stage, long done, long total) {
    if (!shown) {
      return;
    }
    long now = System.nanoTime();
    if ((now - startNanos) / 1_000_000 < QUIET_MS
        || (now - lastDrawNanos) / 1_000_000 < REDRAW_MS) {
      return;
    }
    lastDrawNanos = now;
    String line =
        String.format(
            Locale.ROOT,
            "%s %d/%d (%.0f%%)",
            stage,
            done,
            total,
            100.0 * done / Math.max(1, total));
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  @Override
  public void close() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
    }
  }
}
