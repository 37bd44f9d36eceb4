package com.careflow.bench;

import static com.careflow.bench.BenchHttp.expect;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * W1: a product-quality complaint through CareFlow's real path, as in ComplaintEndToEndTest:
 * intake by the API, triage by its agent, investigation by quality, the vice president's
 * instruction, a compensation of 3000 CNY proposed by sales and approved by the group the
 * decision complaint-approval-authority names for it (vice presidents), the customer's
 * feedback, the management office's spot check when the case is drawn (one in ten), and the
 * case CLOSED in the register by its asynchronous archive step.
 */
final class ComplaintLifecycle implements Lifecycle {

  static final String PROCESS_KEY = "complaint-handling";

  /** The six tasks every such case has; W0 has the same six. */
  static final List<Step> TASKS = List.of(
      new Step("triage", "TriageComplaint", Role.ASSIGNED_AGENT, Map.of("complaintValid", true,
          "severe", false, "category", "PRODUCT_QUALITY", "specialCase", false,
          "important", false), false),
      new Step("investigation", "InvestigateComplaint", Role.QUALITY, Map.of(
          "rootCause", "Cap seal failure", "responsibleDepartment", "quality",
          "correctiveAction", "Seal torque check", "humanNegligence", false,
          "improvementTracking", true), false),
      new Step("VP instruction", "InstructOnInvestigation", Role.VICE_PRESIDENTS,
          Map.of("vpInstruction", "Proceed as the report says."), false),
      new Step("remedy", "ProposeRemedy", Role.SALES, Map.of("remedy", "COMPENSATION",
          "compensationAmount", 3000.0, "remedyNote", "We refund the order, 3000 CNY."), false),
      new Step("approval", "ApproveRemedy", Role.VICE_PRESIDENTS, Map.of("approved", true),
          false),
      new Step("feedback", "RecordFeedback", Role.ASSIGNED_AGENT, Map.of(
          "customerAccepted", true, "satisfactionAttitude", "VERY_SATISFIED",
          "satisfactionSkill", "SATISFIED", "satisfactionTimeliness", "SATISFIED",
          "satisfactionPromise", "VERY_SATISFIED", "feedbackNote", "Happy with the refund"),
          false));

  private static final Step SPOT_CHECK = new Step("spot check (1 in 10)", "SpotCheckComplaint",
      Role.MANAGEMENT_OFFICE, Map.of("verified", true, "findings", "As recorded"), true);

  @Override
  public String name() {
    return "W1 complaint lifecycle";
  }

  @Override
  public String start(BenchHttp http, Team team) {
    return expect(http.postJson(team.agent(), "/api/complaints", ComplaintPayload.intakeBody()),
        201, "POST /api/complaints").json().get("processInstanceId").asText();
  }

  @Override
  public List<Step> steps() {
    return Stream.concat(TASKS.stream(), Stream.of(SPOT_CHECK)).toList();
  }

  @Override
  public String finishedQuery() {
    return "SELECT COUNT(*) FROM complaint WHERE process_instance_id = ANY(?) "
        + "AND status = 'CLOSED'";
  }
}
