package io.edgeinfer.core.codec;

/**
 * A request's {@code "id"} as the sender wrote it, so that replies echo it with its JSON type: a
 * number stays a number ({@code 42}, {@code 1e3}, written back as it came), a string stays a
 * string.
 *
 * @param text the string's value, or the number's text as written
 * @param number whether it was a JSON number
 */
public record RequestId(String text, boolean number) {
  public RequestId {
    java.util.Objects.requireNonNull(text, "text");
  }

  public static RequestId ofString(String text) {
    return new RequestId(text, false);
  }

  public static RequestId ofNumber(String text) {
    return new RequestId(text, true);
  }

  @Override
  public String toString() {
    return text;
  }
}
