package io.edgeinfer.mqtt;

import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;

/**
 * Holds a client's reading from the broker before the next PUBLISH packet while its intake has
 * enough in hand: Paho then reads nothing more, TCP's window closes, and the broker keeps the rest.
 * The wait is on Paho's receiving thread, inside the socket's read, as a slow network would make
 * it; Paho's callback thread never waits. Other packets (acknowledgements, ping responses) pass
 * while the gate is open, and a PUBLISH that arrives while it is shut waits in the stream.
 */
final class ReadGate {
  /** A gate that never holds: the publishing client's, and any client's that takes everything. */
  static final ReadGate OPEN = new ReadGate(() -> false);

  private static final long RECHECK_MILLIS = 100;

  private final BooleanSupplier shut;
  private volatile boolean released;
  private volatile int waiters;

  /**
   * @param shut whether reading must wait now; cheap, called before every PUBLISH
   */
  ReadGate(BooleanSupplier shut) {
    this.shut = shut;
  }

  /**
   * Returns once reading may go on, or the socket is closed, or the gate is released for good.
   *
   * @throws InterruptedIOException when the reading thread is interrupted (the client closes)
   */
  void awaitOpen(BooleanSupplier socketClosed) throws InterruptedIOException {
    if (released || !shut.getAsBoolean()) {
      return;
    }
    synchronized (this) {
      waiters++;
      try {
        while (!released && shut.getAsBoolean() && !socketClosed.getAsBoolean()) {
          wait(RECHECK_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the intake had no room");
      } finally {
        waiters--;
      }
    }
  }

  /** Called when the intake may have room again: wakes a waiting reader at once. */
  void recheck() {
    if (waiters > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Never holds again (the service stops: what arrives now is given back, not held). */
  void release() {
    released = true;
    synchronized (this) {
      notifyAll();
    }
  }
}
