package io.edgeinfer.mqtt.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.mqtt.InboundMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Signatures and waiting for the watch tests: every wait ends at a deadline, none is measured. */
final class WatchTesting {
  /** Long enough for the slowest machine; a passing test never waits this long. */
  static final long DEADLINE_SECONDS = 30;

  private WatchTesting() {}

  static Signature oneInput(DataType type, int... dims) {
    return new Signature(
        Signature.DEFAULT_NAME, List.of(new TensorSpec("x", type, Shape.of(dims))), List.of());
  }

  static InboundMessage next(BlockingQueue<InboundMessage> offered) throws InterruptedException {
    InboundMessage message = offered.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
    assertNotNull(message, "no file was offered");
    return message;
  }

  /** Waits for a count that another thread raises just after handing a message over. */
  static void awaitCount(int expected, IntSupplier count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (count.getAsInt() < expected) {
      if (System.nanoTime() - deadline > 0) {
        break;
      }
      Thread.sleep(10);
    }
    assertEquals(expected, count.getAsInt());
  }

  static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!Files.exists(file)) {
      if (System.nanoTime() - deadline > 0) {
        fail("expected " + file + " to be written");
      }
      Thread.sleep(10);
    }
  }
}
