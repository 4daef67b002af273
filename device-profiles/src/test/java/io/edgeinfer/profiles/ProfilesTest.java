package io.edgeinfer.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
  @Test
  void anUnknownNameListsTheKnownOnes() {
    UnknownProfileException e =
        assertThrows(UnknownProfileException.class, () -> Profiles.resolve("pi-6"));
    assertEquals(
        "unknown profile 'pi-6': expected one of pi-zero-2w, pi-3b-plus, pi-4-2gb, pi-4-4gb,"
            + " pi-4-8gb, pi-5-4gb, pi-5-8gb, generic-arm64, generic-armv7, small-x86,"
            + " workstation, auto, or the path of a profile file",
        e.getMessage());
  }

  @Test
  void aNameIsBuiltInAndAPathIsAFile(@TempDir Path dir) throws Exception {
    assertEquals("pi-4-4gb", Profiles.resolve("pi-4-4gb").name());
    assertThrows(
        NoSuchFileException.class, () -> Profiles.resolve(dir.resolve("none.yaml").toString()));
  }
}
