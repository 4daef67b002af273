package io.edgeinfer.mqtt;

import io.edgeinfer.mqtt.publish.Publish;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The publishes that carry an answer, read from the route its message carried: a prediction goes to
 * the response topic, else to the output topic made from the topic the message came on; an error
 * goes to the error topic and, when there is a valid one, to the response topic. A topic that
 * cannot be published on is left out (and logged): a watched file still gets its answer beside it.
 */
final class ReplyPublishes {
  private static final Logger LOG = Logger.getLogger(ReplyPublishes.class.getName());
  private static final String JSON = "application/json";

  private final PipelineSettings settings;

  ReplyPublishes(PipelineSettings settings) {
    this.settings = settings;
  }

  /** Why the route cannot be answered on at all, or null: checked before anything is decoded. */
  static String refusal(ReplyRoute route) {
    if (route instanceof ReplyRoute.ResponseTopic response) {
      String problem = TopicNames.problem(response.responseTopic());
      return problem == null ? null : "response topic: " + problem;
    }
    return null;
  }

  List<Publish> prediction(InboundMessage message, byte[] payload) {
    String topic;
    String problem;
    if (message.route() instanceof ReplyRoute.ResponseTopic response) {
      topic = response.responseTopic();
      problem = null; // checked before decoding
    } else {
      topic = render(settings.outputTopic(), message.topic());
      problem = topic == null ? "no output topic for " + message.topic() : problem(topic);
    }
    if (problem != null) {
      // Only a watched file's name (or a template that outgrows a long input topic) gets here: the
      // file still gets its answer, but nothing can be published.
      LOG.warning(
          "edgeinfer: the prediction for "
              + TopicNames.quoted(message.topic())
              + " is not published: output topic: "
              + problem);
      return List.of();
    }
    return List.of(publish(topic, payload, message.route()));
  }

  List<Publish> error(InboundMessage message, byte[] payload, String reason) {
    List<Publish> messages = new ArrayList<>(2);
    String errorTopic = render(settings.errorTopic(), message.topic());
    if (errorTopic != null && problem(errorTopic) == null) {
      messages.add(publish(errorTopic, payload, message.route()));
    } else {
      LOG.warning(
          "edgeinfer: an error for a message on "
              + TopicNames.quoted(message.topic())
              + " has no valid error topic ("
              + (errorTopic == null ? "the template does not fit" : problem(errorTopic))
              + "): "
              + reason);
    }
    if (message.route() instanceof ReplyRoute.ResponseTopic response
        && problem(response.responseTopic()) == null) {
      messages.add(publish(response.responseTopic(), payload, message.route()));
    }
    return messages;
  }

  /** The template's topic for an input topic, or null when the input has too few levels. */
  private static String render(TopicTemplate template, String inputTopic) {
    try {
      return template.render(inputTopic);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String problem(String topic) {
    return TopicNames.problem(topic);
  }

  private Publish publish(String topic, byte[] payload, ReplyRoute route) {
    return new Publish(
        topic, payload, settings.qos(), false, JSON, null, route.correlationData(), List.of());
  }
}
