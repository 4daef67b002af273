package io.edgeinfer.examples.readme;

import java.util.ArrayList;
import java.util.List;

/**
 * The checked blocks of a Markdown file: fenced blocks whose info string is {@code console}. In
 * them a line starting with {@code $ } is a command (a line ending in a backslash goes on to the
 * next), and the lines up to the next command are what it prints, stdout and stderr together.
 */
record Transcript(List<Command> commands) {
  /** One command, where it is in the file, and what it should print. */
  record Command(String text, int line, List<String> expected) {}

  static final String FENCE = "```console";

  static Transcript parse(String markdown) {
    List<Command> commands = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    boolean inBlock = false;
    StringBuilder text = null;
    int commandLine = 0;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!inBlock) {
        inBlock = line.strip().equals(FENCE);
        continue;
      }
      boolean end = line.strip().equals("```");
      if ((end || line.startsWith("$ ")) && text != null) {
        commands.add(new Command(text.toString(), commandLine, List.copyOf(expected)));
        text = null;
        expected.clear();
      }
      if (end) {
        inBlock = false;
      } else if (line.startsWith("$ ")) {
        text = new StringBuilder(line.substring(2));
        commandLine = i + 1;
        while (text.toString().endsWith("\\") && i + 1 < lines.length) {
          text.append('\n').append(lines[++i]);
        }
      } else if (text != null) {
        expected.add(line);
      } else {
        throw new IllegalArgumentException(
            "expected a command ($ ...) first in the console block at line "
                + (i + 1)
                + ", found '"
                + line
                + "'");
      }
    }
    if (inBlock) {
      throw new IllegalArgumentException("expected the console block to end with ```, found none");
    }
    return new Transcript(commands);
  }
}
