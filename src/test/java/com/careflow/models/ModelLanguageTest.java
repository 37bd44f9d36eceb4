package com.careflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The forms and the models' names are written in Chinese, the staff's language, and deployed in
 * the company's language: as written for {@code zh}, in the English of the catalogues for
 * {@code en}, with every text a person reads translated and nothing else changed; and no form
 * shows a code in a read-only field.
 */
class ModelLanguageTest {

  /** English: a word of Latin letters (the English may quote a seed's own Chinese term). */
  private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3}");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void inChineseTheFormIsDeployedAsWritten() throws IOException {
    byte[] written = Files.readAllBytes(Path.of("forms/triage-complaint.form"));
    try (InputStream deployed = new ModelLanguage("zh").deployed(
        "forms/triage-complaint.form", new java.io.ByteArrayInputStream(written))) {
      assertThat(deployed.readAllBytes()).isEqualTo(written);
    }
    assertThat(label(json.readTree(written), "complaintNumber")).isEqualTo("案件编号");
  }

  @Test
  void inEnglishEveryFormReadsInEnglishWithItsKeysAndCodesUnchanged() throws IOException {
    ModelLanguage english = new ModelLanguage("en");
    List<String> stillChinese = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(file -> file.toString().endsWith(".form")).toList()) {
        JsonNode source = json.readTree(form.toFile());
        JsonNode deployed;
        try (InputStream in = english.deployed("forms/" + form.getFileName(),
            Files.newInputStream(form))) {
          deployed = json.readTree(in);
        }
        assertThat(keysAndValues(deployed)).as(form.toString()).isEqualTo(keysAndValues(source));
        collectChinese(deployed.path("components"), form.getFileName().toString(), stillChinese);
      }
    }
    assertThat(stillChinese).as("texts left in Chinese only").isEmpty();
    JsonNode triage;
    try (InputStream in = english.deployed("forms/triage-complaint.form", Files.newInputStream(
        Path.of("forms/triage-complaint.form")))) {
      triage = json.readTree(in);
    }
    assertThat(label(triage, "complaintNumber")).isEqualTo("Case number");
  }

  @Test
  void inEnglishTheModelsNamesReadInEnglishAndTheModelStillParses() throws IOException {
    ModelLanguage english = new ModelLanguage("en");
    try (InputStream in = english.deployed("processes/complaint-handling.bpmn",
        Files.newInputStream(Path.of("processes/complaint-handling.bpmn")))) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      assertThat(model.<UserTask>getModelElementById("TriageComplaint").getName())
          .isEqualTo("Triage the complaint");
      assertThat(model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(
          "complaint-handling").getName()).isEqualTo("Complaint handling");
      assertThat(model.<UserTask>getModelElementById("TriageComplaint").getCamundaFormRef())
          .isEqualTo("triage-complaint");
    }
    BpmnModelInstance chinese = Bpmn.readModelFromFile(
        Path.of("processes/complaint-handling.bpmn").toFile());
    assertThat(chinese.<UserTask>getModelElementById("TriageComplaint").getName())
        .isEqualTo("投诉初审");
  }

  @Test
  void everyFormSpeaksChineseAsWritten() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(file -> file.toString().endsWith(".form")).toList()) {
        JsonNode schema = json.readTree(form.toFile());
        List<String> labels = new ArrayList<>();
        schema.path("components").forEach(component -> labels.add(component.path("label")
            .asText(component.path("text").asText())));
        assertThat(labels).as(form.toString()).isNotEmpty()
            .anySatisfy(label -> assertThat(label).containsPattern("\\p{IsHan}"))
            .noneSatisfy(label -> assertThat(label).matches("[A-Za-z ]{4,}"));
      }
    }
  }

  @Test
  void noReadOnlyFieldShowsACode() throws IOException {
    java.util.Set<String> codeKeys = new java.util.HashSet<>();
    List<JsonNode> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(file -> file.toString().endsWith(".form")).toList()) {
        forms.add(json.readTree(form.toFile()));
      }
    }
    forms.forEach(form -> form.path("components").forEach(component -> {
      if (component.has("values")) {
        codeKeys.add(component.path("key").asText());
      }
    }));
    List<String> codesShown = new ArrayList<>();
    forms.forEach(form -> form.path("components").forEach(component -> {
      if (component.path("disabled").asBoolean() && "textfield".equals(
          component.path("type").asText()) && codeKeys.contains(component.path("key").asText())) {
        codesShown.add(form.path("id").asText() + "." + component.path("key").asText());
      }
    }));
    assertThat(codesShown).as("read-only fields that would show a code, not its label")
        .isEmpty();
  }

  private static void collectChinese(JsonNode components, String form, List<String> found) {
    for (JsonNode component : components) {
      component.fields().forEachRemaining(field -> {
        String text = field.getValue().asText();
        if (field.getValue().isTextual() && CHINESE.matcher(text).find()
            && !ENGLISH.matcher(text).find()) {
          found.add(form + " " + component.path("id").asText() + "." + field.getKey());
        }
      });
      component.path("values").forEach(option -> {
        String label = option.path("label").asText();
        if (CHINESE.matcher(label).find() && !ENGLISH.matcher(label).find()) {
          found.add(form + " " + component.path("id").asText() + " option "
              + option.path("value").asText());
        }
      });
      collectChinese(component.path("components"), form, found);
    }
  }

  /** What the engine and the guard rely on: each component's id, key, type and option values. */
  private static List<String> keysAndValues(JsonNode form) {
    List<String> shape = new ArrayList<>();
    form.path("components").forEach(component -> {
      shape.add(component.path("id").asText() + "/" + component.path("key").asText() + "/"
          + component.path("type").asText());
      component.path("values").forEach(option -> shape.add(option.path("value").asText()));
    });
    return shape;
  }

  private static String label(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component.path("label").asText();
      }
    }
    return null;
  }
}
