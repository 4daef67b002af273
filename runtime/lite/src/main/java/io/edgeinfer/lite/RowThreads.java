package io.edgeinfer.lite;

import io.edgeinfer.lite.kernels.RowSplit;
import io.edgeinfer.lite.kernels.Scratch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small fixed set of worker threads that, with the calling thread, split the output rows of one
 * large operation (a convolution) at a time, as one part per thread that any free thread may take.
 * Small operations, and callers that find the workers busy with another predictor's operation, run
 * alone on their own thread. Hand-offs park and unpark threads through volatile fields: nothing is
 * allocated per call. Workers are daemon threads with a scratch each; closing stops them.
 */
public final class RowThreads implements AutoCloseable {
  /**
   * Operations below this many multiply-adds (2^18, about 262,000) run on the calling thread:
   * waking a parked thread costs tens of microseconds, what the fastest kernels (~10 GMAC/s, 1x1
   * convolutions) do in a tenth of this work. Depthwise layers run at under 1 GMAC/s: MobileNet
   * v2's of 0.7-1 M multiply-adds took 2-3 ms each and stayed on one thread at the former 2^20.
   */
  static final long MIN_WORK = 1L << 18;

  private final Worker[] workers;
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * The split's generation (high 32 bits) and its next unclaimed part (low 32 bits). Threads take
   * parts by compare-and-set, so a part whose thread has not woken yet (a busy machine) is taken by
   * whoever is free, the caller included: a split never waits on a sleeping thread's share.
   */
  private final AtomicLong claim = new AtomicLong();

  /** Parts of the split in progress not finished yet. */
  private final AtomicInteger pending = new AtomicInteger();

  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile Thread caller;
  private int generation;

  // The split in progress: written under the lock before claim publishes its generation.
  private RowSplit<Object, Object> op;
  private Object input;
  private int[] shape;
  private Object output;
  private int rows;
  private int parts;

  /** One helper thread, woken for each split to take parts of it. */
  private final class Worker implements Runnable {
    final Scratch scratch = new Scratch();
    final Thread thread;
    volatile long assigned;

    Worker(String name) {
      this.thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      long done = 0;
      while (true) {
        while (assigned == done && !closed) {
          LockSupport.park(this);
        }
        if (closed) {
          return;
        }
        done = assigned;
        takeParts(scratch);
      }
    }
  }

  /**
   * Starts {@code threads - 1} workers (the caller is the other one).
   *
   * @throws IllegalArgumentException for fewer than 2 threads
   */
  RowThreads(int threads) {
    if (threads < 2) {
      throw new IllegalArgumentException("expected 2 or more threads, found " + threads);
    }
    workers = new Worker[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker("edgeinfer-lite-" + (w + 1));
      workers[w].thread.start();
    }
  }

  /** Threads that share a split, the caller's included. */
  public int threads() {
    return workers.length + 1;
  }

  private static int start(int rows, int part, int parts) {
    return (int) ((long) rows * part / parts);
  }

  /**
   * Takes and runs parts of the current split until none is left. The split's fields are read
   * before the part is claimed and used only when the claim succeeds: a claim can only succeed
   * while its generation is unfinished, and its fields cannot change before it finishes.
   */
  private void takeParts(Scratch scratch) {
    while (true) {
      long c = claim.get();
      int part = (int) c;
      int count = parts;
      if (part >= count) {
        return;
      }
      RowSplit<Object, Object> k = op;
      Object in = input;
      int[] inShape = shape;
      Object out = output;
      int total = rows;
      if (!claim.compareAndSet(c, c + 1)) {
        continue;
      }
      try {
        k.runRows(
            in, inShape, out, scratch, start(total, part, count), start(total, part + 1, count));
      } catch (Throwable t) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Runs {@code split} over every output row, on several threads when it is large enough. */
  @SuppressWarnings("unchecked")
  public void run(RowSplit<?, ?> split, Object in, int[] inShape, Object out, Scratch scratch) {
    RowSplit<Object, Object> k = (RowSplit<Object, Object>) split;
    int total = k.rows(inShape);
    if (closed || total < 2 || k.work(inShape) < MIN_WORK || !lock.tryLock()) {
      k.run(in, inShape, out, scratch);
      return;
    }
    try {
      op = k;
      input = in;
      shape = inShape;
      output = out;
      rows = total;
      parts = Math.min(threads(), total);
      failure = null;
      caller = Thread.currentThread();
      pending.set(parts);
      generation++;
      claim.set((long) generation << 32); // volatile: publishes the fields above
      for (int w = 0; w < parts - 1; w++) {
        workers[w].assigned++;
        LockSupport.unpark(workers[w].thread);
      }
      takeParts(scratch);
      while (pending.get() > 0) {
        LockSupport.park(this);
      }
      Throwable t = failure;
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
    } finally {
      op = null;
      input = null;
      output = null;
      shape = null;
      lock.unlock();
    }
  }

  /** Stops the workers (they finish the part they hold first). */
  @Override
  public void close() {
    closed = true;
    for (Worker worker : workers) {
      LockSupport.unpark(worker.thread);
    }
  }

  /** The worker threads, for tests. */
  Thread[] workerThreads() {
    Thread[] threads = new Thread[workers.length];
    for (int w = 0; w < workers.length; w++) {
      threads[w] = workers[w].thread;
    }
    return threads;
  }
}
