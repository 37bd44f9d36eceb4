package com.careflow.bench;

import com.careflow.support.Tasklist;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One phone complaint about a product, as the agent takes it: the body of
 * {@code POST /api/complaints}, and the same contact as the start form's variables (what
 * Tasklist's "Start process" sends to {@code /engine-rest}). The customer gives no e-mail
 * address and SMS is off, so CareFlow records its notices as undeliverable at once.
 */
final class ComplaintPayload {

  private static final String SHIPPED_ON =
      LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10).toString();

  private ComplaintPayload() {}

  static String intakeBody() {
    ObjectNode body = BenchHttp.JSON.createObjectNode().put("channel", "PHONE")
        .put("type", "COMPLAINT").put("subject", "Sour taste")
        .put("description", "The soy sauce tastes sour.").put("orderNumber", "SO-1001")
        .put("productBatch", "B-2611-07").put("shippedOn", SHIPPED_ON)
        .put("claimedAmount", 3000);
    body.putObject("customer").put("name", "Wang Xiaoming").put("phone", "13800000000")
        .put("region", "DOMESTIC");
    return body.toString();
  }

  /** The start form's fields (register-contact) for the same contact. */
  static Map<String, Object> startFormValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("complaintType", "COMPLAINT");
    values.put("channel", "PHONE");
    values.put("customerName", "Wang Xiaoming");
    values.put("customerPhone", "13800000000");
    values.put("customerRegion", "DOMESTIC");
    values.put("subject", "Sour taste");
    values.put("description", "The soy sauce tastes sour.");
    values.put("orderNumber", "SO-1001");
    values.put("productBatch", "B-2611-07");
    values.put("shippedOn", SHIPPED_ON);
    values.put("claimedAmount", 3000.0);
    // Tasklist sends every checkbox the form shows for a complaint
    values.put("resolvedOnFirstContact", false);
    values.put("quantityUnknown", false);
    values.put("sampleReceived", false);
    return values;
  }

  /** {@code POST /engine-rest/process-definition/key/{key}/start} with the start form's values. */
  static String engineStartBody() {
    return engineStartBody(startFormValues());
  }

  /** The same start with these values, typed as Tasklist types them. */
  static String engineStartBody(Map<String, Object> values) {
    return BenchHttp.JSON.createObjectNode()
        .set("variables", Tasklist.typed(BenchHttp.JSON, values)).toString();
  }
}
