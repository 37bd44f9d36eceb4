package com.careflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The models in the company's language. The forms in {@code forms/} and the names in the models
 * of {@code processes/} (tasks, processes, gateways, decisions) are written in Simplified
 * Chinese, the staff's language, and that is what a process owner sees in Camunda Modeler; their
 * English is kept beside them, by form and component id in {@code forms/i18n/en.json}, by file
 * and element id in {@code processes/i18n/en.json} ({@code forms/README.md}). With
 * {@code careflow.locale.default-language=en} the models are deployed with that English instead.
 */
final class ModelLanguage {

  static final String SOURCE = "zh";
  private static final List<String> TEXTS = List.of("label", "description", "text",
      "placeholder", "dateLabel", "timeLabel");

  private final ObjectMapper json = new ObjectMapper();
  private final String language;
  private final JsonNode forms;
  private final JsonNode names;

  ModelLanguage(String language) {
    this.language = language;
    this.forms = SOURCE.equals(language) ? null : read("forms/i18n/" + language + ".json");
    this.names = SOURCE.equals(language) ? null : read("processes/i18n/" + language + ".json");
  }

  /** A model, by its deployment name, as deployed in the company's language. */
  InputStream deployed(String name, InputStream model) throws IOException {
    if (name.endsWith(".form")) {
      return form(model);
    }
    if (names == null) {
      return model;
    }
    return names(model, names.path(name.substring(name.lastIndexOf('/') + 1)));
  }

  /** A BPMN or DMN model with the names and labels of its elements from the catalogue. */
  private InputStream names(InputStream model, JsonNode texts) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(model);
      NodeList elements = document.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        JsonNode entry = texts.path(element.getAttribute("id"));
        for (String attribute : List.of("name", "label")) {
          if (element.hasAttribute(attribute) && entry.path(attribute).isTextual()) {
            element.setAttribute(attribute, entry.path(attribute).asText());
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance().newTransformer()
          .transform(new DOMSource(document), new StreamResult(out));
      return new ByteArrayInputStream(out.toByteArray());
    } catch (ParserConfigurationException | SAXException | TransformerException e) {
      throw new IOException("Cannot put a model's names in " + language, e);
    }
  }

  /** The form as deployed in the company's language. */
  private InputStream form(InputStream form) throws IOException {
    byte[] source = form.readAllBytes();
    if (forms == null) {
      return new ByteArrayInputStream(source);
    }
    JsonNode schema = json.readTree(source);
    JsonNode texts = forms.path(schema.path("id").asText());
    translate(schema.path("components"), texts);
    return new ByteArrayInputStream(
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
      throw new UncheckedIOException("The models have no catalogue " + path
          + " for careflow.locale.default-language=" + language, e);
    }
  }
}
