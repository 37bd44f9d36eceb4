package com.careflow.bench;

import static com.careflow.bench.BenchHttp.expect;

import com.careflow.bench.BenchHttp.User;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark sets up through {@code /engine-rest} as CareFlow's administrator, as an
 * administrator would in Admin: users in the staff groups, grants, a deployment.
 */
final class BenchAdmin {

  /** Camunda's resource type of process definitions (Resources.PROCESS_DEFINITION). */
  static final int PROCESS_DEFINITION = 6;

  private final BenchHttp http;
  private final User admin;

  BenchAdmin(BenchHttp http, String adminPassword) {
    this.http = http;
    this.admin = User.of("admin", adminPassword);
  }

  /** A user in one staff group; who signs in with {@code password}. */
  User createUser(String id, String password, String group) {
    ObjectNode body = BenchHttp.JSON.createObjectNode();
    body.putObject("profile").put("id", id).put("firstName", "Bench").put("lastName", id);
    body.putObject("credentials").put("password", password);
    expect(http.postJson(admin, "/engine-rest/user/create", body.toString()), 204,
        "create user " + id);
    expect(http.send(admin, "PUT", "/engine-rest/group/" + group + "/members/" + id,
        BodyPublishers.noBody(), null), 204, "put " + id + " in " + group);
    return User.of(id, password);
  }

  /** Grants a user permissions on a resource (by Camunda's resource type number). */
  void grant(String userId, int resourceType, String resourceId, List<String> permissions) {
    ObjectNode body = BenchHttp.JSON.createObjectNode().put("type", 1).put("userId", userId)
        .put("resourceType", resourceType).put("resourceId", resourceId);
    permissions.forEach(body.putArray("permissions")::add);
    expect(http.postJson(admin, "/engine-rest/authorization/create", body.toString()), 200,
        "grant " + permissions + " on " + resourceId + " to " + userId);
  }

  /** Deploys the files (name → content), unchanged ones skipped as CareFlow's own models. */
  void deploy(String name, Map<String, byte[]> files) {
    String boundary = "bench-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = Map.of("deployment-name", name, "deployment-source", "bench",
        "enable-duplicate-filtering", "true", "deploy-changed-only", "true");
    fields.forEach((field, value) -> part(body, boundary, "name=\"" + field + "\"",
        value.getBytes(StandardCharsets.UTF_8)));
    files.forEach((file, content) -> part(body, boundary,
        "name=\"" + file + "\"; filename=\"" + file + "\"", content));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    expect(http.send(admin, "POST", "/engine-rest/deployment/create",
        BodyPublishers.ofByteArray(body.toByteArray()),
        "multipart/form-data; boundary=" + boundary), 200, "deploy " + name);
  }

  private static void part(ByteArrayOutputStream body, String boundary, String disposition,
      byte[] content) {
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
