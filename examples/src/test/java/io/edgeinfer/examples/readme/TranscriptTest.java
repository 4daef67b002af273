package io.edgeinfer.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a README's checked blocks are read and matched. */
class TranscriptTest {
  @Test
  void commandsAndTheirOutputComeFromConsoleBlocksOnly() {
    String markdown =
        "# x\n```\n$ not checked\n```\n```console\n$ echo a \\\n  b\na b\n$ true\n```\n";
    Transcript transcript = Transcript.parse(markdown);
    assertEquals(2, transcript.commands().size());
    assertEquals("echo a \\\n  b", transcript.commands().get(0).text());
    assertEquals(6, transcript.commands().get(0).line());
    assertEquals(List.of("a b"), transcript.commands().get(0).expected());
    assertEquals(List.of(), transcript.commands().get(1).expected());
  }

  @Test
  void anEllipsisStandsForAnyTextOrAnyLines() {
    OutputPattern pattern =
        new OutputPattern(List.of("trained in ... s", "...", "accuracy  0.9...", "done"));
    assertTrue(pattern.matches("trained in 1.5 s\naccuracy  0.9666\ndone\n"));
    assertTrue(pattern.matches("trained in 1.5 s\nx\ny\naccuracy  0.95\ndone\n"));
    assertFalse(pattern.matches("trained in 1.5 s\naccuracy  0.8666\ndone\n"));
    assertFalse(pattern.matches("trained in 1.5 s\naccuracy  0.9666\ndone\nmore\n"));
    // Regex characters in a README are plain text.
    assertTrue(new OutputPattern(List.of("[1.0] (x)")).matches("[1.0] (x)\n"));
    assertFalse(new OutputPattern(List.of("[1.0]")).matches("[100]\n"));
    assertTrue(new OutputPattern(List.of()).matches(""));
  }
}
