package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.profiles.DeviceProfile;
import java.io.IOException;

/**
 * A profile's fields in {@code --json} reports, named the same in {@code profile show} and {@code
 * profile detect}: profile, description, arch, cores, memory_mb, budget_mb, engine, precision,
 * threads, max_batch, max_wait_ms, jvm, mqtt_qos, outbox_max_messages, outbox_max_mb.
 */
final class ProfileJson {
  private ProfileJson() {}

  /** The fields, into the object being written. */
  static void writeFields(JsonGenerator g, DeviceProfile p) throws IOException {
    g.writeStringField("profile", p.name());
    g.writeStringField("description", p.description());
    g.writeStringField("arch", p.arch().label());
    g.writeNumberField("cores", p.cores());
    g.writeNumberField("memory_mb", p.memoryMb());
    g.writeNumberField("budget_mb", p.budgetMb());
    g.writeStringField("engine", p.engine().label());
    g.writeStringField("precision", p.precision().label());
    g.writeNumberField("threads", p.threads());
    g.writeNumberField("max_batch", p.batching().maxBatch());
    g.writeNumberField("max_wait_ms", p.batching().maxWaitMs());
    g.writeStringField("jvm", p.jvm());
    g.writeNumberField("mqtt_qos", p.mqtt().qos());
    g.writeNumberField("outbox_max_messages", p.mqtt().outboxMaxMessages());
    g.writeNumberField("outbox_max_mb", p.mqtt().outboxMaxMb());
  }
}
