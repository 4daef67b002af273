package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gate as Paho's receiving thread meets it in the socket's stream: a PUBLISH waits while the
 * intake holds 32 or more, until it holds 16 or fewer; other packets (a ping response) pass while
 * it is shut; a closed socket ends the wait.
 */
class ReadGateTest {
  private static final byte[] PINGRESP = {(byte) 0xD0, 0};

  /** A QoS 0 PUBLISH on {@code a/b} with no properties and the payload {@code x}. */
  private static byte[] publish() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] topic = "a/b".getBytes(StandardCharsets.UTF_8);
    body.write(0);
    body.write(topic.length);
    body.write(topic, 0, topic.length);
    body.write(0); // properties
    body.write('x');
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0x30);
    packet.write(body.size());
    packet.write(body.toByteArray(), 0, body.size());
    return packet.toByteArray();
  }

  private static InputStream stream(ReadGate gate, AtomicBoolean closed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(PINGRESP, 0, PINGRESP.length);
    byte[] publish = publish();
    bytes.write(publish, 0, publish.length);
    return new CorrelationDataGuard(
        new ByteArrayInputStream(bytes.toByteArray()), gate, closed::get);
  }

  private static CompletableFuture<byte[]> readPublish(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return in.readNBytes(publish().length);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aPublishWaitsFromThirtyTwoHeldUntilSixteenAndOtherPacketsPass() throws Exception {
    AtomicInteger held = new AtomicInteger(32);
    ReadGate gate = new ReadGate(held::get, 32, 16);
    InputStream in = stream(gate, new AtomicBoolean());
    assertArrayEquals(PINGRESP, in.readNBytes(2), "a ping response passes a shut gate");

    CompletableFuture<byte[]> reading = readPublish(in);
    Thread.sleep(300);
    assertFalse(reading.isDone(), "the PUBLISH waits while 32 are held");
    held.set(17);
    gate.recheck();
    Thread.sleep(300);
    assertFalse(reading.isDone(), "and still with 17: it opens at 16");
    held.set(16);
    gate.recheck();
    assertArrayEquals(publish(), reading.get(2, TimeUnit.SECONDS));
  }

  @Test
  void belowThirtyTwoAPublishPassesAtOnce() throws Exception {
    ReadGate gate = new ReadGate(() -> 31, 32, 16);
    InputStream in = stream(gate, new AtomicBoolean());
    in.readNBytes(2);
    assertArrayEquals(publish(), readPublish(in).get(2, TimeUnit.SECONDS));
  }

  @Test
  void aClosedSocketOrAReleasedGateEndsTheWait() throws Exception {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in = stream(new ReadGate(() -> 100, 32, 16), closed);
    in.readNBytes(2);
    CompletableFuture<byte[]> reading = readPublish(in);
    Thread.sleep(200);
    closed.set(true); // noticed within the gate's 100 ms recheck
    assertEquals(publish().length, reading.get(2, TimeUnit.SECONDS).length);

    ReadGate released = new ReadGate(() -> 100, 32, 16);
    InputStream other = stream(released, new AtomicBoolean());
    other.readNBytes(2);
    CompletableFuture<byte[]> waiting = readPublish(other);
    Thread.sleep(200);
    assertFalse(waiting.isDone());
    released.release(); // the service stops: what arrives is given back, not held
    assertArrayEquals(publish(), waiting.get(2, TimeUnit.SECONDS));
  }
}
