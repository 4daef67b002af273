package io.edgeinfer.examples.bench;

import java.io.IOException;
import java.util.OptionalLong;

/** The load client of a run: sends requests to one topic at one QoS. */
interface RequestSender extends AutoCloseable {

  /** Sends one request; it may wait in a buffer until {@link #flush}. */
  void send(byte[] payload) throws IOException, InterruptedException;

  /** Pushes out whatever {@link #send} buffered. */
  void flush() throws IOException;

  /** Waits until every request is handed to the broker, up to the timeout. */
  boolean awaitIdle(long millis) throws IOException, InterruptedException;

  /** Requests that never reached the broker (each one is also a lost reply). */
  long failures();

  String lastFailure();

  /** How many publishes the client lets out at once. */
  int window();

  /** CPU time of the client's own process, when it runs in one. */
  OptionalLong processCpuNanos();

  @Override
  void close();
}
