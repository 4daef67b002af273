package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * How every {@code --json} report is written: indented, numbers as numbers, one document ending in
 * a newline. The generator leaves the command's writer open: closing it would close stdout, and the
 * newline after the document (and anything after it) would be lost.
 */
final class JsonReports {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonReports() {}

  /** A generator over {@code out}; close it, then {@link #end} the document. */
  static JsonGenerator open(PrintWriter out) throws IOException {
    return JSON.createGenerator(out).useDefaultPrettyPrinter();
  }

  /** The newline after a document, flushed. */
  static void end(PrintWriter out) {
    out.println();
    out.flush();
  }
}
