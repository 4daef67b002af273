package io.edgeinfer.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic built from the input topic: {@code {topic}} is the whole input topic, {@code {N}} its Nth
 * level (1-based), e.g. {@code predictions/{2}} for {@code sensors/kitchen/temp} gives {@code
 * predictions/kitchen}. The template is split into its pieces once, so that rendering, done for
 * every reply, is a few appends.
 */
public final class TopicTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  /** A piece that stands for the whole input topic. */
  private static final int WHOLE_TOPIC = 0;

  private final String template;

  /** Literal text before each placeholder, then the text after the last one. */
  private final List<String> literals;

  /** Per placeholder: {@link #WHOLE_TOPIC} or a 1-based level. */
  private final int[] levels;

  private final int highestLevel;

  private TopicTemplate(String template, List<String> literals, int[] levels) {
    this.template = template;
    this.literals = List.copyOf(literals);
    this.levels = levels;
    int highest = 0;
    for (int level : levels) {
      highest = Math.max(highest, level);
    }
    this.highestLevel = highest;
  }

  public static TopicTemplate parse(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    List<String> literals = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    int end = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!name.equals("topic") && !name.matches("[1-9][0-9]*")) {
        throw new IllegalArgumentException(
            "expected {topic} or a level number such as {1} in topic template '"
                + template
                + "', found {"
                + name
                + "}");
      }
      literals.add(template.substring(end, matcher.start()));
      levels.add(name.equals("topic") ? WHOLE_TOPIC : Integer.parseInt(name));
      end = matcher.end();
    }
    literals.add(template.substring(end));
    if (template.contains("+") || template.contains("#")) {
      throw new IllegalArgumentException(
          "expected a topic template without wildcards, found '" + template + "'");
    }
    return new TopicTemplate(
        template, literals, levels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The topic for a message that arrived on {@code inputTopic}. */
  public String render(String inputTopic) {
    String[] split = highestLevel == 0 ? null : inputTopic.split("/", -1);
    if (split != null && highestLevel > split.length) {
      throw new IllegalArgumentException(
          "topic template '"
              + template
              + "' needs level "
              + highestLevel
              + ", found only "
              + split.length
              + " in '"
              + inputTopic
              + "'");
    }
    StringBuilder out = new StringBuilder(template.length() + inputTopic.length());
    for (int i = 0; i < levels.length; i++) {
      out.append(literals.get(i));
      out.append(levels[i] == WHOLE_TOPIC ? inputTopic : split[levels[i] - 1]);
    }
    return out.append(literals.get(levels.length)).toString();
  }

  @Override
  public String toString() {
    return template;
  }
}
