package io.edgeinfer.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A bound on publishes outstanding: taken before a publish, given back when Paho is done. */
final class Window {
  private final int size;
  private final Semaphore permits;

  Window(int size) {
    this.size = size;
    this.permits = new Semaphore(size);
  }

  /** False when no room came within 2 s (the reply then goes to the outbox). */
  boolean take() {
    try {
      return permits.tryAcquire(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void giveBack() {
    permits.release();
  }

  boolean awaitAllBack(long deadlineNanos) throws InterruptedException {
    if (!permits.tryAcquire(size, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    permits.release(size);
    return true;
  }
}
