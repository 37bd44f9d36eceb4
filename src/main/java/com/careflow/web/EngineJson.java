package com.careflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §7.7 for the JSON that Camunda's REST API and the web apps' engine API read: one object
 * or array, each key once, no deeper than Jackson reads (1000 levels), nothing after it; and a
 * variable typed {@code Json} holds JSON, none is typed {@code Xml} (CareFlow has no XML data
 * format) and none is a Java-serialized object. Camunda's own reader takes the last of two
 * values for a key (a completion could say {@code approved} twice and mean the second), and
 * answers the rest with {@code 500}.
 */
final class EngineJson {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EngineJson() {}

  /**
   * Whether the request is a JSON body for the engine's REST API or the web apps' API; the path
   * as the servlet container decoded it ({@code /engine%2Drest/} is {@code /engine-rest/}).
   */
  static boolean applies(String path, String contentType) {
    return (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"))
        && contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  /** A job's or job definition's retries ({@code PUT .../job/{id}/retries}). */
  private static final Pattern RETRIES = Pattern.compile(".*/job(-definition)?/[^/]+/retries");
  /** A user's profile ({@code PUT .../user/{id}/profile}), and the id in its path. */
  private static final Pattern PROFILE = Pattern.compile(".*/user/([^/]+)/profile");

  /**
   * What is wrong with the body for this path, or null when it is well-formed (an empty body
   * included): one object or array, each key once, not too deep, its variables what they say;
   * and a retry names a whole number of retries, 0 or more, and a profile names the user of its
   * path (Camunda answers 500 to either). The body is read once.
   */
  static String problem(String path, byte[] body) {
    JsonNode root;
    try {
      root = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      return "The body is not valid JSON: " + e.getOriginalMessage().lines().findFirst()
          .orElse("");
    } catch (IOException e) {
      return "The body could not be read.";
    }
    if (root == null || root.isMissingNode()) {
      return null; // no body: the endpoint says whether it needs one
    }
    if (!root.isObject() && !root.isArray()) {
      return "The body must be a JSON object (or an array where the endpoint takes one), not "
          + root + ".";
    }
    String wrong = typedValues(root, "the body");
    if (wrong != null) {
      return wrong;
    }
    if (RETRIES.matcher(path).matches() && !(root.path("retries").canConvertToInt()
        && root.path("retries").isIntegralNumber() && root.path("retries").asInt() >= 0)) {
      return "retries must be a whole number, 0 or more.";
    }
    Matcher profile = PROFILE.matcher(path);
    if (profile.matches() && !profile.group(1).equals(root.path("id").asText(null))) {
      return "The profile's id must be the user of the path, " + profile.group(1) + ".";
    }
    return null;
  }

  /** The first variable (an object with a type and a value) that cannot be what it says. */
  private static String typedValues(JsonNode node, String path) {
    if (node.isObject()) {
      String type = node.path("type").asText("").toLowerCase(Locale.ROOT);
      if (node.has("value") && node.path("type").isTextual()) {
        String problem = switch (type) {
          case "xml" -> "is typed Xml: CareFlow keeps no XML values";
          case "json" -> node.get("value").isTextual() && !isJson(node.get("value").asText())
              ? "is typed Json but its value is not JSON" : null;
          case "object" -> "application/x-java-serialized-object".equals(node.path("valueInfo")
              .path("serializationDataFormat").asText()) ? "is a Java-serialized object, which "
              + "CareFlow does not accept" : null;
          default -> null;
        };
        if (problem != null) {
          return "The variable " + path + " " + problem + ".";
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String problem = typedValues(field.getValue(), field.getKey());
        if (problem != null) {
          return problem;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String problem = typedValues(element, path);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static boolean isJson(String text) {
    try {
      STRICT.readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
