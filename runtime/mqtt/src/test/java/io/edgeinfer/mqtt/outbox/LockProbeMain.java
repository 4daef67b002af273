package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.nio.file.Path;

/** Child process: tries to open the outbox in args[0] and prints "opened" or "refused: why". */
public final class LockProbeMain {
  private LockProbeMain() {}

  public static void main(String[] args) {
    try (Outbox outbox = Outbox.open(Path.of(args[0]), 10, 1 << 20)) {
      System.out.println("opened " + outbox.size());
    } catch (IOException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
