package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.OpTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --per-op}: each operator's time summed over the timed calls, printed as a table (or
 * JSON) with its share of the total and its GMAC/s, in the order the operators ran.
 */
final class OpTotals {
  private final List<OpTime> first = new ArrayList<>();
  private long[] nanos;

  /** Adds one call's times (the same operators, in the same order, every call). */
  void add(List<OpTime> times) {
    if (nanos == null) {
      first.addAll(times);
      nanos = new long[times.size()];
    }
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] += times.get(i).nanos();
    }
  }

  private long total() {
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    return Math.max(1, total);
  }

  /** Microseconds per call of operator {@code i}. */
  private double micros(int i, int calls) {
    return nanos[i] / 1e3 / calls;
  }

  /** Multiply-accumulates per nanosecond = GMAC/s; 0 without MACs. */
  private double gmacs(int i, int calls) {
    return nanos[i] == 0 ? 0 : (double) first.get(i).macs() * calls / nanos[i];
  }

  void print(PrintWriter out, int calls) {
    long total = total();
    long macs = 0;
    out.printf(
        Locale.ROOT,
        "%nper op (mean of %d calls, a clock around each op)%n%5s  %-20s %-18s %12s %10s %6s %7s%n",
        calls,
        "index",
        "op",
        "output",
        "MACs",
        "us",
        "%",
        "GMAC/s");
    for (int i = 0; i < nanos.length; i++) {
      OpTime op = first.get(i);
      macs += op.macs();
      out.printf(
          Locale.ROOT,
          "%5d  %-20s %-18s %12d %10.2f %6.1f %7s%n",
          op.index(),
          op.op(),
          shape(op),
          op.macs(),
          micros(i, calls),
          100.0 * nanos[i] / total,
          op.macs() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", gmacs(i, calls)));
    }
    out.printf(
        Locale.ROOT,
        "total  %d ops, %d MACs, %.2f us, %.2f GMAC/s%n",
        nanos.length,
        macs,
        total / 1e3 / calls,
        (double) macs * calls / total);
  }

  void writeJson(JsonGenerator generator, int calls) throws IOException {
    long total = total();
    generator.writeArrayFieldStart("per_op");
    for (int i = 0; i < nanos.length; i++) {
      OpTime op = first.get(i);
      generator.writeStartObject();
      generator.writeNumberField("index", op.index());
      generator.writeStringField("op", op.op());
      generator.writeArrayFieldStart("output_shape");
      for (int d : op.output().dims()) {
        generator.writeNumber(d);
      }
      generator.writeEndArray();
      generator.writeNumberField("macs", op.macs());
      generator.writeNumberField("us", micros(i, calls));
      generator.writeNumberField("percent", 100.0 * nanos[i] / total);
      generator.writeNumberField("gmac_per_s", gmacs(i, calls));
      generator.writeEndObject();
    }
    generator.writeEndArray();
  }

  private static String shape(OpTime op) {
    StringBuilder s = new StringBuilder();
    int[] dims = op.output().dims();
    for (int d = 0; d < dims.length; d++) {
      s.append(d == 0 ? "" : "x").append(dims[d]);
    }
    return s.toString();
  }
}
