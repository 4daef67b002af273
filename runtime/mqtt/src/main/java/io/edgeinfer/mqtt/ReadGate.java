package io.edgeinfer.mqtt;

import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Holds a client's reading from the broker before the next PUBLISH packet while its intake has
 * enough in hand: Paho then reads nothing more, TCP's window closes, and the broker keeps the rest.
 * The wait is on Paho's receiving thread, inside the socket's read, as a slow network would make
 * it; Paho's callback thread never waits. Other packets (acknowledgements, ping responses) pass
 * while the gate is open, and a PUBLISH that arrives while it is shut waits in the stream.
 */
final class ReadGate {
  /** A gate that never holds: the publishing client's, and any client's that takes everything. */
  static final ReadGate OPEN = new ReadGate(() -> 0, Integer.MAX_VALUE, Integer.MAX_VALUE);

  private static final long RECHECK_MILLIS = 100;

  private final IntSupplier held;
  private final int shutAt;
  private final int openAt;
  private volatile boolean released;
  private volatile int waiters;

  /**
   * @param held how many messages the intake holds now; cheap, read before every PUBLISH
   * @param shutAt reading waits once this many are held, until no more than {@code openAt} are: the
   *     reader wakes once for a batch of room, not for every message taken on
   */
  ReadGate(IntSupplier held, int shutAt, int openAt) {
    this.held = held;
    this.shutAt = shutAt;
    this.openAt = openAt;
  }

  /**
   * Returns once reading may go on, or the socket is closed, or the gate is released for good.
   *
   * @throws InterruptedIOException when the reading thread is interrupted (the client closes)
   */
  void awaitOpen(BooleanSupplier socketClosed) throws InterruptedIOException {
    if (released || held.getAsInt() < shutAt) {
      return;
    }
    synchronized (this) {
      waiters++;
      try {
        while (!released && held.getAsInt() > openAt && !socketClosed.getAsBoolean()) {
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

  /** Called when the intake took a message on: wakes a waiting reader once there is room. */
  void recheck() {
    if (waiters > 0 && held.getAsInt() <= openAt) {
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
