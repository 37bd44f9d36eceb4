package com.careflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * The Camunda Forms in the company's language. The forms in {@code forms/} are written in
 * Simplified Chinese, the staff's language, and that is what a process owner sees in Camunda
 * Modeler; their English is kept beside them in {@code forms/i18n/en.json}, by form and
 * component id ({@code forms/README.md}). With {@code careflow.locale.default-language=en} the
 * forms are deployed with that English instead.
 */
final class FormLanguage {

  static final String SOURCE = "zh";
  private static final List<String> TEXTS = List.of("label", "description", "text",
      "placeholder", "dateLabel", "timeLabel");

  private final ObjectMapper json = new ObjectMapper();
  private final String language;
  private final JsonNode catalogue;

  FormLanguage(String language) {
    this.language = language;
    this.catalogue = SOURCE.equals(language) ? null : read("forms/i18n/" + language + ".json");
  }

  /** The form as deployed in the company's language. */
  InputStream deployed(InputStream form) throws IOException {
    byte[] source = form.readAllBytes();
    if (catalogue == null) {
      return new java.io.ByteArrayInputStream(source);
    }
    JsonNode schema = json.readTree(source);
    JsonNode texts = catalogue.path(schema.path("id").asText());
    translate(schema.path("components"), texts);
    return new java.io.ByteArrayInputStream(
        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(schema));
  }

  private void translate(JsonNode components, JsonNode texts) {
    for (JsonNode component : components) {
      JsonNode entry = texts.path(component.path("id").asText());
      for (String property : TEXTS) {
        if (component.has(property) && entry.path(property).isTextual()) {
          ((ObjectNode) component).put(property, entry.path(property).asText());
        }
      }
      for (JsonNode option : component.path("values")) {
        JsonNode label = entry.path("values").path(option.path("value").asText());
        if (label.isTextual()) {
          ((ObjectNode) option).put("label", label.asText());
        }
      }
      translate(component.path("components"), texts);
    }
  }

  private JsonNode read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("The forms have no catalogue " + path
          + " for careflow.locale.default-language=" + language, e);
    }
  }
}
