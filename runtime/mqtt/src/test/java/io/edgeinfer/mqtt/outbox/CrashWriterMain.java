package io.edgeinfer.mqtt.outbox;

import io.edgeinfer.mqtt.publish.Publish;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process that dies without cleanup. "halt DIR N": appends N messages (payload "m0".."mN-1")
 * then halts. "forever DIR": appends until killed, printing "SEQUENCE INDEX" after each append
 * returned.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) throws IOException {
    boolean forever = args[0].equals("forever");
    long count = forever ? Long.MAX_VALUE : Long.parseLong(args[2]);
    // Not closed on purpose: the point is a process that never gets to clean up.
    Outbox outbox = Outbox.open(Path.of(args[1]), Integer.MAX_VALUE, Long.MAX_VALUE);
    for (long i = 0; i < count; i++) {
      byte[] payload = ("m" + i).getBytes(StandardCharsets.UTF_8);
      long sequence = outbox.append(Publish.of("crash/test", payload, 1));
      if (forever) {
        System.out.println(sequence + " " + i);
        System.out.flush();
      }
    }
    Runtime.getRuntime().halt(0); // no shutdown hooks, no close, no flush of anything
  }
}
