package com.careflow.complaint;

import com.careflow.notify.StaffNotices;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reports a written complaint at once to the customer-service managers (SPEC §1.2; seed 001
 * 客户中心管理制度: 书面投诉须即时呈报): every member of the groups of the task's input parameter
 * {@code managerGroups} ({@code cs-managers}, comma-separated) with an e-mail address gets a
 * mail with the case number, the subject, who registered it and a link to the case, through the
 * outbox (retried; a failure is on the undelivered notices page).
 */
@Component("reportWrittenComplaint")
public class ReportWrittenComplaint implements JavaDelegate {

  private final StaffNotices staff;

  public ReportWrittenComplaint(StaffNotices staff) {
    this.staff = staff;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> groups = Arrays.stream(((String) execution.getVariableLocal("managerGroups"))
        .split(",")).map(String::strip).filter(group -> !group.isEmpty()).toList();
    staff.writtenComplaint((String) execution.getVariable("complaintNumber"),
        (String) execution.getVariable("subject"),
        (String) execution.getVariable("firstContactAgent"), groups);
  }
}
