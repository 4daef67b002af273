package io.edgeinfer.mqtt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic built from the input topic: {@code {topic}} is the whole input topic, {@code {N}} its Nth
 * level (1-based), e.g. {@code predictions/{2}} for {@code sensors/kitchen/temp} gives {@code
 * predictions/kitchen}.
 */
public final class TopicTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  private final String template;

  private TopicTemplate(String template) {
    this.template = template;
  }

  public static TopicTemplate parse(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
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
    }
    if (template.contains("+") || template.contains("#")) {
      throw new IllegalArgumentException(
          "expected a topic template without wildcards, found '" + template + "'");
    }
    return new TopicTemplate(template);
  }

  /** The topic for a message that arrived on {@code inputTopic}. */
  public String render(String inputTopic) {
    String[] levels = inputTopic.split("/", -1);
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value;
      if (name.equals("topic")) {
        value = inputTopic;
      } else {
        int level = Integer.parseInt(name);
        if (level > levels.length) {
          throw new IllegalArgumentException(
              "topic template '"
                  + template
                  + "' needs level "
                  + level
                  + ", found only "
                  + levels.length
                  + " in '"
                  + inputTopic
                  + "'");
        }
        value = levels[level - 1];
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  @Override
  public String toString() {
    return template;
  }
}
