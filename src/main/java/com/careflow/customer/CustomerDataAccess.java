package com.careflow.customer;

import com.careflow.identity.IdentityProperties;
import com.careflow.identity.IdentityProperties.CustomerData;
import com.careflow.web.CamundaUserAuthenticationProvider;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * SPEC §7.3 at CareFlow's API: a customer's name, phone and address are read by the
 * customer-service, sales and management groups, and by the people handling the case (a quality
 * investigator on the cases their department worked); warehouse, finance, HR and trainers see
 * the order, not the person. The groups are configured ({@code careflow.identity.customer-data});
 * in Tasklist the same rule holds through the forms each department's tasks show.
 */
@Component
public class CustomerDataAccess {

  private final CustomerData policy;
  private final HistoryService history;

  public CustomerDataAccess(IdentityProperties identity, HistoryService history) {
    this.policy = identity.customerData();
    this.history = history;
  }

  /** Whether the user reads the customer of the case run by {@code processInstanceId}. */
  public boolean reads(Authentication user, String processInstanceId) {
    List<String> groups = CamundaUserAuthenticationProvider.groupsOf(user);
    if (groups.stream().anyMatch(policy.readers()::contains)) {
      return true;
    }
    if (processInstanceId == null
        || groups.stream().noneMatch(policy.caseHandlers()::contains)) {
      return false;
    }
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskAssignee(user.getName()).count() > 0
        || groups.stream().filter(policy.caseHandlers()::contains).anyMatch(group ->
            history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskHadCandidateGroup(group).count() > 0);
  }

  /** The customer as the user may see them: whole, or only the region. */
  public Customer shown(Authentication user, String processInstanceId, Customer customer) {
    return reads(user, processInstanceId) ? customer : customer.withheld();
  }
}
