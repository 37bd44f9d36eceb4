package com.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/** What the API answers bad input with: 400 problem+json naming each field, no stack trace. */
public final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /**
   * The fields a bad-request answer names, after checking that it is one: 400,
   * {@code application/problem+json}, and nothing of the server's insides.
   */
  public static List<String> badFields(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
    return JSON.readTree(response.body()).get("errors").findValuesAsText("field");
  }
}
