package com.careflow.together;

import static org.assertj.core.api.Assertions.assertThat;

import com.careflow.support.AsyncSteps;
import com.careflow.support.CareFlowSpringTest;
import com.careflow.support.Tasklist;
import com.careflow.support.Worklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §2.8, §8.1 as the staff live it: a customer's 6 000 CNY return goes from the complaint
 * to finance's booking. The general manager signs the return form (above 5 000 CNY, the amount
 * authority of §1.6); the complaint tells the customer, takes the feedback and is CLOSED while
 * the goods are still on their way; the warehouse, sales and finance then finish the return on
 * its own due dates, each side showing the other's number and status. Worked by the demo users
 * through the REST API Tasklist calls.
 */
@CareFlowSpringTest
class ReturnAfterClosureTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort private int port;
  @Autowired private ObjectMapper json;
  @Autowired private ProcessEngine engine;

  private Tasklist tasklist;

  @BeforeEach
  void tasklist() {
    tasklist = new Tasklist(port, json);
  }

  @Test
  void aSixThousandYuanReturnIsBookedByFinanceAfterTheComplaintClosed() {
    String complaint = tasklist.registerComplaint("agent", "Sixty cartons leak");
    tasklist.complete("agent", tasklist.myTask("agent", complaint, "TriageComplaint"), Map.of(
        "complaintValid", true, "severe", false, "category", "RETURN_REQUEST",
        "specialCase", false, "important", false));
    AsyncSteps.runDue(engine, complaint); // the hand-over starts the return
    String returnNumber = complaintView(complaint).get("returns").get(0).get("number").asText();
    assertThat(returnNumber).matches("RT-\\d{4}-\\d{4}");

    String shipped = LocalDate.now(SHANGHAI).minusDays(5).toString();
    tasklist.complete("quality", tasklist.claim("quality", returnNumber, "InvestigateReturnClaim"),
        Map.of("defectType", "LEAKAGE", "claimFactual", true, "storageFault", false,
            "shippedOn", shipped, "investigationFindings", "The seals failed in transit."));
    AsyncSteps.runDue(engine, returnNumber);
    tasklist.complete("sales", tasklist.claim("sales", returnNumber, "PrepareReturnForm"), Map.of(
        "handling", "RETURN", "returnReason", "Leaking seals", "returnBasis", "Quality's finding",
        "approvedQuantity", 60, "unitPrice", 100.0));
    AsyncSteps.runDue(engine, returnNumber);

    String form = Worklist.taskOf(engine, returnNumber, "ApproveReturnForm");
    assertThat(engine.getTaskService().getIdentityLinksForTask(form).stream()
        .map(IdentityLink::getGroupId)).as("6 000 CNY is the general manager's to sign")
        .containsExactly("general-managers");
    assertThat(tasklist.send("vp", "POST", "/engine-rest/task/" + form + "/claim",
        "{\"userId\":\"vp\"}").statusCode()).as("above the vice president's authority")
        .isEqualTo(403);
    tasklist.complete("gm", tasklist.claim("gm", returnNumber, "ApproveReturnForm"),
        Map.of("approved", true));
    AsyncSteps.runDue(engine, returnNumber); // the return tells the complaint
    AsyncSteps.runDue(engine, complaint); // the complaint tells the customer

    tasklist.customerAccepts("agent", complaint, "Fine.");
    AsyncSteps.runDue(engine, complaint);

    JsonNode closed = complaintView(complaint);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("returns").get(0).get("status").asText())
        .as("the goods are still on their way").isEqualTo("OPEN");
    assertThat(returnView(returnNumber).get("complaintStatus").asText()).isEqualTo("CLOSED");
    assertThat(Worklist.taskOf(engine, returnNumber, "ReceiveReturnedGoods")).isNotNull();

    tasklist.complete("warehouse", tasklist.claim("warehouse", returnNumber,
        "ReceiveReturnedGoods"), Map.of("receivedQuantity", 60));
    AsyncSteps.runDue(engine, returnNumber);
    tasklist.complete("sales", tasklist.claim("sales", returnNumber, "ObtainReturnProof"), Map.of(
        "returnProof", "RETURN_CERTIFICATE", "proofReference", "TH-0601"));
    AsyncSteps.runDue(engine, returnNumber);
    tasklist.complete("finance", tasklist.claim("finance", returnNumber, "BookReturn"), Map.of(
        "voucherNumber", "JV-2611-060"));
    AsyncSteps.runDue(engine, returnNumber);

    JsonNode booked = returnView(returnNumber);
    assertThat(booked.get("status").asText()).isEqualTo("SETTLED");
    assertThat(booked.get("settlement").get("voucherNumber").asText()).isEqualTo("JV-2611-060");
    assertThat(booked.get("settlement").get("settlementAmount").decimalValue())
        .isEqualByComparingTo("6000");
    assertThat(complaintView(complaint).get("returns").get(0).get("status").asText())
        .isEqualTo("SETTLED");
  }

  private JsonNode complaintView(String number) {
    return tasklist.read(tasklist.send("agent", "GET", "/api/complaints/" + number, null));
  }

  private JsonNode returnView(String number) {
    return tasklist.read(tasklist.send("sales", "GET", "/api/returns/" + number, null));
  }
}
