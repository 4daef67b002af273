package io.edgeinfer.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What the operator set wins over the profile, which wins over the built-in defaults. */
class ServeTuningTest {
  @Test
  void setValuesWinOverTheProfileWhichWinsOverTheBuiltIns() {
    DeviceProfile zero = Profiles.builtIn("pi-zero-2w");
    ServeTuning.Explicit set = new ServeTuning.Explicit(null, 3, null, 0, null, null);
    // pi-zero-2w: threads 2, max-batch 8, max-wait-ms 5, qos 1, outbox 10000 messages / 16 MB.
    assertEquals(new ServeTuning(2, 3, 5, 0, 10_000, 16), ServeTuning.resolve(set, zero));
    assertEquals(new ServeTuning(2, 8, 5, 1, 10_000, 16), ServeTuning.of(zero));
    assertEquals(new ServeTuning(1, 3, 2, 0, 100_000, 256), ServeTuning.resolve(set, null));
    assertEquals(ServeTuning.BUILT_IN, ServeTuning.resolve(ServeTuning.Explicit.NOTHING, null));
  }

  @Test
  void aValueOutOfRangeNamesItsOption() {
    ServeTuning.Explicit badQos = new ServeTuning.Explicit(null, null, null, 3, null, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServeTuning.resolve(badQos, null));
    assertEquals("--qos: expected 0, 1 or 2, found 3", e.getMessage());
    ServeTuning.Explicit noThreads = new ServeTuning.Explicit(0, null, null, null, null, null);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ServeTuning.resolve(noThreads, Profiles.builtIn("pi-5-8gb")));
    assertEquals("--threads: expected a whole number >= 1, found 0", e.getMessage());
  }
}
