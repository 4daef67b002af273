package io.edgeinfer.cli;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributions' bin/edgeinfer (src/dist/bin) in a distribution-shaped folder, with a stand-in
 * for java that records the options it was given: which profile options, module options and user
 * options reach the JVM, in which order, and what --profile auto does with and without a {@code
 * profile} command.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("src/dist/bin/edgeinfer");
  private static final String MAIN = "io.edgeinfer.cli.Main";
  private static final String ZERO_JVM = "-Xmx48m -XX:+UseSerialGC -Xss256k";

  /** Records its arguments (one per line, then "==") and plays a few parts the tests ask for. */
  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      { printf '%s\\n' "$@"; echo '=='; } >>"$FAKE_JAVA_LOG"
      if [[ " $* " == *" profile detect --name-only "* ]]; then
        if [[ -n ${FAKE_PROFILE:-} ]]; then echo "$FAKE_PROFILE"; exit 0; fi
        echo "Unmatched arguments from index 0: 'profile', 'detect', '--name-only'" >&2
        exit 2
      fi
      if [[ -n ${FAKE_STDERR:-} ]]; then printf '%s\\n' "$FAKE_STDERR" >&2; fi
      if [[ -n ${FAKE_STDERR_NUL:-} ]]; then printf 'edgeinfer: found \\0 in the payload\\n' >&2; fi
      if [[ -n ${FAKE_SERVE:-} ]]; then
        trap 'echo "drained after SIGTERM" >&2; exit 143' TERM
        touch "$FAKE_SERVE"
        while :; do sleep 0.1; done
      fi
      exit "${FAKE_EXIT:-0}"
      """;

  @TempDir Path dir;
  Path home;
  Path jdk;
  Path log;
  Path cache;
  Map<String, String> env;

  @BeforeEach
  void layOut() throws IOException {
    home = Files.createDirectories(dir.resolve("edgeinfer-dev-edge")).toRealPath();
    Files.createDirectories(home.resolve("bin"));
    Files.copy(LAUNCHER, home.resolve("bin/edgeinfer"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(home.resolve("lib"));
    Files.createFile(home.resolve("lib/edgeinfer-cli-dev.jar"));
    Files.createDirectories(home.resolve("profiles"));
    Files.writeString(
        home.resolve("profiles/pi-zero-2w.yaml"),
        "# a board\nname: pi-zero-2w\nmemory_mb: 512\njvm: \"" + ZERO_JVM + "\"\nthreads: 1\n");
    Files.writeString(home.resolve("profiles/workstation.yaml"), "jvm: \"-Xmx2g\"\n");
    jdk = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
    Path java = Files.writeString(jdk.resolve("bin/java"), FAKE_JAVA);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    log = dir.resolve("java.log");
    cache = dir.resolve("cache");
    env = new HashMap<>();
    env.put("JAVA_HOME", jdk.toString());
    env.put("FAKE_JAVA_LOG", log.toString());
    env.put("XDG_CACHE_HOME", cache.toString());
    // The exact options are checked below; class data sharing has its own test.
    env.put("EDGEINFER_CDS", "0");
  }

  private Launched launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/edgeinfer").toString()));
    command.addAll(List.of(args));
    return Launched.run(command, env, "", Duration.ofSeconds(60));
  }

  /** The argument lists java was started with, in order. */
  private List<List<String>> javaCalls() throws IOException {
    List<List<String>> calls = new ArrayList<>();
    if (!Files.exists(log)) {
      return calls;
    }
    List<String> call = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.equals("==")) {
        int cp = call.indexOf("-cp");
        if (cp >= 0) {
          // The order of the jars is the shell's (its locale's); only the set matters.
          call.set(cp + 1, Stream.of(call.get(cp + 1).split(":")).sorted().collect(joining(":")));
        }
        calls.add(call);
        call = new ArrayList<>();
      } else {
        call.add(line);
      }
    }
    Files.delete(log);
    return calls;
  }

  /** What java gets for {@code args} after {@code options}. */
  private List<String> expected(String options, String... args) {
    List<String> expected = new ArrayList<>();
    if (!options.isEmpty()) {
      expected.addAll(List.of(options.split(" ")));
    }
    expected.addAll(List.of("-cp", classPath(), MAIN));
    expected.addAll(List.of(args));
    return expected;
  }

  /** lib/*.jar in name order, as the launcher lists them. */
  private String classPath() {
    try (var jars = Files.list(home.resolve("lib"))) {
      return jars.map(Path::toString)
          .filter(n -> n.endsWith(".jar"))
          .sorted()
          .collect(joining(":"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> onlyCall() throws IOException {
    List<List<String>> calls = javaCalls();
    assertEquals(1, calls.size(), calls.toString());
    return calls.get(0);
  }

  @Test
  void runsMainWithTheLibClassPathAndJavaOptsLast() throws Exception {
    env.put("JAVA_OPTS", "-Dedgeinfer.test=1 -Xmx1g");
    Launched run = launch("predict", "--model", "a b.tflite");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(
        expected("-Dedgeinfer.test=1 -Xmx1g", "predict", "--model", "a b.tflite"), onlyCall());
  }

  @Test
  void appliesTheNamedProfileBeforeJavaOpts() throws Exception {
    env.put("JAVA_OPTS", "-Xmx96m");
    launch("serve", "--profile", "pi-zero-2w", "--model", "m.tflite");
    assertEquals(
        expected(ZERO_JVM + " -Xmx96m", "serve", "--profile", "pi-zero-2w", "--model", "m.tflite"),
        onlyCall());
    launch("bench", "--profile=workstation");
    assertEquals(expected("-Xmx2g -Xmx96m", "bench", "--profile=workstation"), onlyCall());
  }

  @Test
  void readsAProfileFileByPathAndFromTheEnvironment() throws Exception {
    Path own = Files.writeString(dir.resolve("mine.yaml"), "jvm:   \"-Xmx200m -XX:+UseG1GC\"  \n");
    launch("predict", "--profile", own.toString());
    assertEquals(
        expected("-Xmx200m -XX:+UseG1GC", "predict", "--profile", own.toString()), onlyCall());
    env.put("EDGEINFER_PROFILE", "pi-zero-2w");
    launch("predict");
    assertEquals(expected(ZERO_JVM, "predict"), onlyCall());
    launch("predict", "--profile", "workstation");
    assertEquals(expected("-Xmx2g", "predict", "--profile", "workstation"), onlyCall());
  }

  @Test
  void leavesAnUnknownProfileToTheCommand() throws Exception {
    launch("predict", "--profile", "pi-9");
    assertEquals(expected("", "predict", "--profile", "pi-9"), onlyCall());
    launch("predict", "--", "--profile", "pi-zero-2w");
    assertEquals(expected("", "predict", "--", "--profile", "pi-zero-2w"), onlyCall());
  }

  @Test
  void detectsTheAutoProfileOnceAndCachesIt() throws Exception {
    Files.setLastModifiedTime(home.resolve("lib"), FileTime.fromMillis(1_000_000_000_000L));
    env.put("FAKE_PROFILE", "pi-zero-2w");
    Launched first = launch("serve", "--profile", "auto");
    assertEquals(0, first.exitCode(), first.toString());
    List<List<String>> calls = javaCalls();
    assertEquals(2, calls.size(), calls.toString());
    assertEquals(
        List.of("profile", "detect", "--name-only"),
        calls.get(0).subList(calls.get(0).size() - 3, calls.get(0).size()));
    assertTrue(calls.get(0).contains("-XX:TieredStopAtLevel=1"), calls.get(0).toString());
    assertEquals(expected(ZERO_JVM, "serve", "--profile", "auto"), calls.get(1));
    List<Path> cached;
    try (var files = Files.list(cache.resolve("edgeinfer"))) {
      cached = files.toList();
    }
    assertEquals(1, cached.size(), cached.toString());
    assertEquals("pi-zero-2w\n", Files.readString(cached.get(0)));

    // The answer is kept: no second detection, even when detection would now fail.
    env.remove("FAKE_PROFILE");
    env.put("EDGEINFER_PROFILE", "auto");
    launch("serve");
    assertEquals(expected(ZERO_JVM, "serve"), onlyCall());

    // A distribution newer than the answer detects again.
    Files.setLastModifiedTime(
        home.resolve("lib"),
        FileTime.fromMillis(Files.getLastModifiedTime(cached.get(0)).toMillis() + 10_000));
    env.put("FAKE_PROFILE", "workstation");
    launch("serve");
    calls = javaCalls();
    assertEquals(2, calls.size(), calls.toString());
    assertEquals(expected("-Xmx2g", "serve"), calls.get(1));
    assertEquals("workstation\n", Files.readString(cached.get(0)));
  }

  @Test
  void startsWithoutProfileOptionsWhenThereIsNoProfileCommand() throws Exception {
    env.put("FAKE_EXIT", "3");
    Launched run = launch("predict", "--profile", "auto");
    assertEquals(3, run.exitCode(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    assertTrue(run.err().contains("named no profile"), run.toString());
    List<List<String>> calls = javaCalls();
    assertEquals(2, calls.size(), calls.toString());
    assertEquals(expected("", "predict", "--profile", "auto"), calls.get(1));
    assertFalse(Files.exists(cache.resolve("edgeinfer")) && hasFiles(cache.resolve("edgeinfer")));
  }

  private static boolean hasFiles(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.findAny().isPresent();
    }
  }

  @Test
  void recordsClassesOnceThenMapsThem() throws Exception {
    env.remove("EDGEINFER_CDS");
    launch("predict");
    assertTrue(
        onlyCall().stream().noneMatch(a -> a.contains("Archive")),
        "a JVM without a base CDS archive cannot record one");
    Files.createDirectories(jdk.resolve("lib/server"));
    Files.writeString(jdk.resolve("lib/server/classes.jsa"), "base archive");
    launch("predict");
    List<String> first = onlyCall();
    String record =
        first.stream()
            .filter(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
            .findFirst()
            .orElseThrow();
    assertTrue(first.contains("-Xlog:cds=off,cds+dynamic=off"), first.toString());
    Path archive = Path.of(record.substring(record.indexOf('=') + 1));
    assertTrue(archive.startsWith(cache), archive.toString());
    Files.writeString(archive, "archive");
    launch("predict");
    List<String> later = onlyCall();
    assertTrue(later.contains("-XX:SharedArchiveFile=" + archive), later.toString());
    env.put("EDGEINFER_CDS", "0");
    launch("predict");
    List<String> off = onlyCall();
    assertTrue(off.stream().noneMatch(a -> a.contains("Archive")), off.toString());
  }

  @Test
  void prunesClassArchivesUnusedFor30Days() throws Exception {
    env.remove("EDGEINFER_CDS");
    Files.createDirectories(jdk.resolve("lib/server"));
    Files.writeString(jdk.resolve("lib/server/classes.jsa"), "base archive");
    Path archives = Files.createDirectories(cache.resolve("edgeinfer"));
    Path stale = Files.writeString(archives.resolve("classes-111.jsa"), "an old one");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Path recent = Files.writeString(archives.resolve("classes-222.jsa"), "another JVM's");
    Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
    launch("predict");
    assertFalse(Files.exists(stale), "unused for 40 days");
    assertTrue(Files.exists(recent), "used 3 days ago");
  }

  @Test
  void addsTheVectorModuleOnlyWithTheKernelsAndAJvmThatHasIt() throws Exception {
    Path release = jdk.resolve("release");
    Files.writeString(release, "JAVA_VERSION=\"17\"\nMODULES=\"java.base jdk.incubator.vector\"\n");
    launch("predict");
    assertEquals(expected("", "predict"), onlyCall());

    Files.createFile(home.resolve("lib/edgeinfer-lite-vector-dev.jar"));
    env.put("JAVA_OPTS", "-Xmx64m");
    launch("predict");
    assertEquals(expected("--add-modules jdk.incubator.vector -Xmx64m", "predict"), onlyCall());

    // Java 25 too: the Vector API kernels are the faster ones there as well.
    Files.writeString(
        release, "JAVA_VERSION=\"25.0.3\"\nMODULES=\"java.base jdk.incubator.vector\"\n");
    launch("predict");
    assertEquals(expected("--add-modules jdk.incubator.vector -Xmx64m", "predict"), onlyCall());

    Files.writeString(release, "MODULES=\"java.base java.logging jdk.incubator.vectorx\"\n");
    launch("predict");
    assertEquals(expected("-Xmx64m", "predict"), onlyCall());
  }

  @Test
  void servesWithBiasedLockingOnlyOnJava15To17() throws Exception {
    Path release = jdk.resolve("release");
    Files.writeString(release, "JAVA_VERSION=\"17.0.15\"\n");
    launch("serve", "-m", "m.tflite");
    assertEquals(expected("-XX:+UseBiasedLocking", "serve", "-m", "m.tflite"), onlyCall());
    launch("predict", "-m", "m.tflite");
    assertEquals(expected("", "predict", "-m", "m.tflite"), onlyCall());

    // Java 18 removed the option: a JVM given it would not start.
    Files.writeString(release, "JAVA_VERSION=\"21.0.2\"\n");
    launch("serve");
    assertEquals(expected("", "serve"), onlyCall());
    Files.delete(release);
    launch("serve");
    assertEquals(expected("", "serve"), onlyCall());
  }

  @Test
  void filtersTheBiasedLockingDeprecationWarning() throws Exception {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17\"\n");
    env.put(
        "FAKE_STDERR",
        "OpenJDK 64-Bit Server VM warning: Option UseBiasedLocking was deprecated in version 15.0"
            + " and will likely be removed in a future release.\nedgeinfer: cannot reach the broker");
    env.put("FAKE_EXIT", "1");
    Launched serve = launch("serve");
    assertEquals(1, serve.exitCode(), serve.toString());
    assertEquals(List.of("edgeinfer: cannot reach the broker"), serve.errLines(), serve.toString());
  }

  /** F6: a line with a binary byte passes the filter whole, as grep -a lets it. */
  @Test
  void passesLinesWithBinaryBytesThroughTheFilter() throws Exception {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17\"\n");
    env.put("FAKE_STDERR_NUL", "1");
    env.put("FAKE_EXIT", "1");
    Launched serve = launch("serve");
    assertEquals(1, serve.exitCode(), serve.toString());
    assertEquals(List.of("edgeinfer: found \0 in the payload"), serve.errLines(), serve.toString());
  }

  @Test
  void filtersTensorFlowStartUpLinesOnlyInTheWorkstationLayout() throws Exception {
    String absl =
        "I0000 00:00:1732934400.123456   12345 cpu_feature_guard.cc:210] This TensorFlow binary"
            + " is optimized";
    env.put("FAKE_STDERR", absl + "\nedgeinfer: expected a number, found 'x'");
    env.put("FAKE_EXIT", "1");
    Launched edge = launch("predict");
    assertEquals(2, edge.errLines().size(), edge.toString());

    Files.createFile(home.resolve("lib/tensorflow-core-native-1.1.0-linux-x86_64.jar"));
    Launched workstation = launch("predict");
    assertEquals(1, workstation.exitCode(), workstation.toString());
    assertEquals(
        List.of("edgeinfer: expected a number, found 'x'"),
        workstation.errLines(),
        workstation.toString());

    env.put("EDGEINFER_TF_LOGS", "1");
    assertEquals(2, launch("predict").errLines().size());
  }

  @Test
  void filtersTheIncubatorWarningWhenItAddsTheVectorModule() throws Exception {
    Files.writeString(
        jdk.resolve("release"),
        "JAVA_VERSION=\"17\"\nMODULES=\"java.base jdk.incubator.vector\"\n");
    Files.createFile(home.resolve("lib/edgeinfer-lite-vector-dev.jar"));
    env.put(
        "FAKE_STDERR",
        "WARNING: Using incubator modules: jdk.incubator.vector\nedgeinfer: expected a number");
    env.put("FAKE_EXIT", "1");
    Launched edge = launch("predict");
    assertEquals(1, edge.exitCode(), edge.toString());
    assertEquals(List.of("edgeinfer: expected a number"), edge.errLines(), edge.toString());
  }

  /** SIGTERM reaches the JVM, whose exit status and last words come out: edge and workstation. */
  @Test
  void passesSigtermOnAndKeepsTheJvmsStatus() throws Exception {
    assertEquals(143, serveAndTerminate());
    Files.createFile(home.resolve("lib/tensorflow-core-native-1.1.0-linux-x86_64.jar"));
    assertEquals(143, serveAndTerminate());
  }

  private int serveAndTerminate() throws Exception {
    Path ready = dir.resolve("ready");
    Files.deleteIfExists(ready);
    Path err = dir.resolve("serve.err");
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("bin/edgeinfer").toString(), "serve")
            .redirectError(err.toFile());
    Launched.CLEARED.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    builder.environment().put("FAKE_SERVE", ready.toString());
    Process process = builder.start();
    try {
      for (int i = 0; i < 600 && !Files.exists(ready); i++) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(ready), "the stand-in JVM did not start");
      process.destroy();
      assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "no exit");
      assertEquals(List.of("drained after SIGTERM"), Files.readAllLines(err));
      return process.exitValue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void findsItsFolderThroughASymlink() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("edgeinfer"), home.resolve("bin/edgeinfer"));
    Launched run =
        Launched.run(List.of(link.toString(), "--version"), env, "", Duration.ofSeconds(60));
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(expected("", "--version"), onlyCall());
  }

  @Test
  void saysWhenThereIsNoJava() throws Exception {
    env.put("JAVA_HOME", dir.resolve("no-jdk").toString());
    Launched run = launch("--version");
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    assertTrue(run.err().startsWith("edgeinfer: expected Java 17"), run.toString());
  }

  @Test
  void passesShellcheck() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/shellcheck")),
        "skipped: shellcheck is not installed (apt-get install shellcheck)");
    Launched run =
        Launched.run(
            List.of(
                "/usr/bin/shellcheck",
                LAUNCHER.toString(),
                LAUNCHER.resolveSibling("jlink-runtime").toString()),
            Map.of(),
            "",
            Duration.ofSeconds(60));
    assertEquals(0, run.exitCode(), run.toString());
  }
}
