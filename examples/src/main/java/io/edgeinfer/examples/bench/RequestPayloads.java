package io.edgeinfer.examples.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Request payloads as a device would send them, one instance each: {@code {"id": "<seq>",
 * "instances": [[f0, f1, ...]]}}. The features are drawn once from a fixed seed (a few dozen
 * distinct rows, reused in turn); only the id changes per request.
 */
final class RequestPayloads {
  private static final int DISTINCT_ROWS = 64;

  private final String[] rows;

  RequestPayloads(int features) {
    Random random = new Random(2024);
    rows = new String[DISTINCT_ROWS];
    for (int r = 0; r < DISTINCT_ROWS; r++) {
      StringBuilder row = new StringBuilder("[[");
      for (int f = 0; f < features; f++) {
        if (f > 0) {
          row.append(", ");
        }
        row.append((float) (random.nextGaussian() * (1 + f % 5)));
      }
      rows[r] = row.append("]]").toString();
    }
  }

  byte[] request(int seq) {
    return ("{\"id\": \"" + seq + "\", \"instances\": " + rows[seq % DISTINCT_ROWS] + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The size of a typical request, for the report. */
  int typicalBytes() {
    return request(12_345).length;
  }
}
