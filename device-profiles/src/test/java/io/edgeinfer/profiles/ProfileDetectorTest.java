package io.edgeinfer.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection on fake /proc trees of real boards (model strings and MemTotal as the boards report).
 */
class ProfileDetectorTest {
  private final ProfileDetector detector = ProfileDetector.builtIn();

  @Test
  void piZero2wOnA32BitOs(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .deviceTreeModel("Raspberry Pi Zero 2 W Rev 1.0")
            .cpuinfo(4, "Hardware\t: BCM2835\nModel\t\t: Raspberry Pi Zero 2 W Rev 1.0\n")
            .memTotalKb(439504)
            .facts("arm");
    Detection d = detector.detect(facts);
    assertEquals("pi-zero-2w", d.profile().name());
    assertTrue(d.namedBoard());
    assertEquals(Profiles.builtIn("pi-zero-2w"), d.profile());
    assertEquals(
        List.of(
            "board model 'Raspberry Pi Zero 2 W Rev 1.0' (from /proc/device-tree/model) matches"
                + " pi-zero-2w's pattern '^Raspberry Pi Zero 2'",
            "MemTotal 429 MB is in pi-zero-2w's range (any memory)"),
        d.reasons());
  }

  @Test
  void pi4With4Gb(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .deviceTreeModel("Raspberry Pi 4 Model B Rev 1.4")
            .cpuinfo(4, "Model\t\t: Raspberry Pi 4 Model B Rev 1.4\n")
            .memTotalKb(3884328)
            .facts("aarch64");
    Detection d = detector.detect(facts);
    assertEquals(Profiles.builtIn("pi-4-4gb"), d.profile());
    assertEquals(
        List.of(
            "board model 'Raspberry Pi 4 Model B Rev 1.4' matches pi-4-2gb's pattern, but"
                + " MemTotal 3793 MB is outside its range (1025-2048 MB)",
            "board model 'Raspberry Pi 4 Model B Rev 1.4' (from /proc/device-tree/model) matches"
                + " pi-4-4gb's pattern '^Raspberry Pi 4 Model B'",
            "MemTotal 3793 MB is in pi-4-4gb's range (2049-4096 MB)"),
        d.reasons());
  }

  @Test
  void pi5KnownFromCpuinfoWhenThereIsNoDeviceTree(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .cpuinfo(4, "Revision\t: d04170\nModel\t\t: Raspberry Pi 5 Model B Rev 1.0\n")
            .memTotalKb(8245264)
            .facts("aarch64");
    Detection d = detector.detect(facts);
    assertEquals("pi-5-8gb", d.profile().name());
    assertEquals(EngineKind.TENSORFLOW, d.profile().engine());
    assertEquals(5120, d.profile().budgetMb());
    assertTrue(
        d.reasons().contains("MemTotal 8052 MB is in pi-5-8gb's range (>= 4097 MB)"),
        d.reasons().toString());
    assertTrue(d.reasons().get(1).contains("(from /proc/cpuinfo)"), d.reasons().toString());
  }

  @Test
  void a32BitOsOnAPi5MovesToLiteWithinThe32BitAddressSpace(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .deviceTreeModel("Raspberry Pi 5 Model B Rev 1.0")
            .cpuinfo(4, "")
            .memTotalKb(8245264)
            .facts("arm");
    Detection d = detector.detect(facts);
    DeviceProfile p = d.profile();
    assertEquals("pi-5-8gb", p.name());
    assertEquals(EngineKind.LITE, p.engine());
    assertEquals(Precision.FLOAT32, p.precision());
    assertEquals(3072, p.budgetMb());
    assertEquals(
        List.of(
            "this is a 32-bit JVM (os.arch arm) and TensorFlow has no natives: engine lite,"
                + " precision float32",
            "a 32-bit JVM addresses at most 3072 MB: budget 3072 MB (was 5120)"),
        d.reasons().subList(d.reasons().size() - 2, d.reasons().size()));
  }

  @Test
  void anUnknownArm64BoardWith1GbFallsBackWithItsBudgetScaled(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .deviceTreeModel("Radxa ROCK Pi S")
            .cpuinfo(4, "")
            .memTotalKb(1010000)
            .facts("aarch64");
    Detection d = detector.detect(facts);
    DeviceProfile p = d.profile();
    assertFalse(d.namedBoard());
    assertEquals("generic-arm64", p.name());
    assertEquals(986, p.memoryMb());
    assertEquals(986 * 512 / 1024, p.budgetMb());
    assertEquals(EngineKind.LITE, p.engine());
    assertEquals(Precision.INT8, p.precision());
    assertEquals(
        List.of(
            "board model 'Radxa ROCK Pi S' (from /proc/device-tree/model) matches no board"
                + " profile",
            "os.arch aarch64 (arm64) with MemTotal 986 MB: fallback generic-arm64 (any memory)",
            "scaled to this machine: memory 986 MB, budget 493 MB (50% as in generic-arm64), 4"
                + " cores, 2 threads"),
        d.reasons());
  }

  @Test
  void anArmv7BoardTakesThe32BitFallback(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .deviceTreeModel("TI AM335x BeagleBone Black")
            .cpuinfo(1, "model name\t: ARMv7 Processor rev 2 (v7l)\n")
            .memTotalKb(505000)
            .facts("arm");
    DeviceProfile p = detector.detect(facts).profile();
    assertEquals("generic-armv7", p.name());
    assertEquals(Arch.ARMV7, p.arch());
    assertEquals(493, p.memoryMb());
    assertEquals(493 * 448 / 1024, p.budgetMb());
    assertEquals(1, p.cores());
    assertEquals(1, p.threads());
    assertEquals(EngineKind.LITE, p.engine());
  }

  @Test
  void anX86BoxInA512MbCgroupGetsTheLiteEngine(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .cpuinfo(4, "model name\t: Intel(R) Celeron(R) J4125 CPU @ 2.00GHz\n")
            .memTotalKb(8000000)
            .file("proc/self/cgroup", "0::/system.slice/edgeinfer.service\n")
            .file("sys/fs/cgroup/system.slice/memory.max", "max\n")
            .file("sys/fs/cgroup/system.slice/edgeinfer.service/memory.max", "536870912\n")
            .facts("amd64");
    assertEquals(512, facts.cgroupLimitMb().getAsLong());
    assertEquals(
        "/sys/fs/cgroup/system.slice/edgeinfer.service/memory.max", facts.cgroupLimitSource());
    Detection d = detector.detect(facts);
    DeviceProfile p = d.profile();
    assertEquals("small-x86", p.name());
    assertEquals(512, p.memoryMb());
    assertEquals(256, p.budgetMb());
    assertEquals(EngineKind.LITE, p.engine());
    assertEquals(Precision.FLOAT32, p.precision());
    assertEquals(4, p.threads());
    assertEquals(
        List.of(
            "no board model: no /proc/device-tree/model and no Model line in /proc/cpuinfo",
            "os.arch amd64 (x86_64) with MemTotal 7812 MB: fallback small-x86 (<= 16384 MB)",
            "cgroup limit 512 MB (/sys/fs/cgroup/system.slice/edgeinfer.service/memory.max) is"
                + " below MemTotal 7812 MB: the limit is this process's memory",
            "scaled to this machine: memory 512 MB, budget 256 MB (50% as in small-x86), 4 cores,"
                + " 4 threads",
            "a budget of 256 MB leaves no room for TensorFlow (~300 MB before any model): engine"
                + " lite, precision float32"),
        d.reasons());
  }

  @Test
  void aNamedBoardInACgroupKeepsItsProfileWithALowerBudget(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .deviceTreeModel("Raspberry Pi 4 Model B Rev 1.4")
            .cpuinfo(4, "")
            .memTotalKb(3884328)
            .file("proc/self/cgroup", "12:memory:/docker/0123abcd\n4:cpu,cpuacct:/docker/0123\n")
            .file("sys/fs/cgroup/memory/memory.limit_in_bytes", "1073741824\n")
            .facts("aarch64");
    assertEquals(1024, facts.cgroupLimitMb().getAsLong());
    DeviceProfile p = detector.detect(facts).profile();
    assertEquals("pi-4-4gb", p.name());
    assertEquals(1024 * 2560 / 4096, p.budgetMb());
  }

  @Test
  void cgroupV1WithoutALimitIsNoLimit(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .cpuinfo(2, "")
            .memTotalKb(2048000)
            .file("proc/self/cgroup", "12:memory:/\n")
            .file("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
            .facts("amd64");
    assertTrue(facts.cgroupLimitMb().isEmpty());
    assertEquals(2000, facts.effectiveMemoryMb());
  }

  @Test
  void aBudgetBelowTheRuntimesOverheadIsAClearError(@TempDir Path root) throws Exception {
    SystemFacts facts =
        new FakeSystem(root)
            .cpuinfo(4, "")
            .memTotalKb(8000000)
            .file("proc/self/cgroup", "0::/\n")
            .file("sys/fs/cgroup/memory.max", "134217728\n")
            .facts("amd64");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> detector.detect(facts));
    assertEquals(
        "this machine leaves edgeinfer a budget of 64 MB (128 MB of memory): expected at least 96"
            + " MB, the lite runtime's own overhead",
        e.getMessage());
  }

  @Test
  void noMemInfoIsAClearError(@TempDir Path root) throws Exception {
    SystemFacts facts = new FakeSystem(root).cpuinfo(1, "").facts("aarch64");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> detector.detect(facts));
    assertEquals(
        "cannot tell this machine's memory: expected a MemTotal line in /proc/meminfo, found none"
            + " (name a profile with --profile)",
        e.getMessage());
  }

  @Test
  void thisMachineIsDetectedAsSomething() {
    Detection d = detector.detect(SystemProbe.local());
    assertTrue(Profiles.names().contains(d.profile().name()), d.toString());
    assertFalse(d.reasons().isEmpty());
  }
}
