package com.careflow.employee;

import com.careflow.identity.Departments;
import com.careflow.identity.Departments.Scope;
import com.careflow.web.CamundaUserAuthenticationProvider;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who reads and acts on personnel data (SPEC §7.2, §7.4): scores, discipline, evaluations,
 * self-assessments, promotions and pay levels are read by HR and the general managers for
 * everyone, by a department's managers for their own department's people, and by each member
 * of staff for themselves. A manager nominates only the people of the departments they manage
 * (HR managers and the general managers anyone). Who manages which department is configured
 * ({@link Departments}).
 */
@Component
public class PersonnelAccess {

  /** The groups whose members nominate (SPEC §4.3: 部门管理者), within their scope. */
  private static final Set<String> NOMINATORS = Set.of("cs-managers", "sales-managers",
      "hr-managers", "vice-presidents", "general-managers");

  private final Departments departments;

  public PersonnelAccess(Departments departments) {
    this.departments = departments;
  }

  /** The departments whose people the user handles. */
  public Scope scope(Authentication user) {
    return departments.managedBy(CamundaUserAuthenticationProvider.groupsOf(user));
  }

  /** Whether the user handles anyone's personnel matters at all (the registers' lists). */
  public boolean isPersonnel(Authentication user) {
    return user != null && !scope(user).isEmpty();
  }

  public boolean reads(Authentication user, Employee employee) {
    return employee.userId().equals(user.getName())
        || scope(user).includes(employee.department());
  }

  /** Refuses, with 403, a user who may not read the employee's file. */
  public void checkReads(Authentication user, Employee employee) {
    if (!reads(user, employee)) {
      throw forbidden("Personnel files are read by HR, the general managers and the managers "
          + "of the employee's own department (SPEC §7.2); " + employee.id() + " is in "
          + employee.department() + ".");
    }
  }

  /** Refuses, with 403, a nomination by someone who does not manage the nominee. */
  public void checkNominates(Authentication user, Employee nominee) {
    boolean nominator = CamundaUserAuthenticationProvider.groupsOf(user).stream().anyMatch(NOMINATORS::contains);
    if (!nominator || !scope(user).includes(nominee.department())) {
      throw forbidden("A manager nominates the people of the departments they manage (SPEC "
          + "§7.4); " + nominee.id() + " is in " + nominee.department() + ".");
    }
  }

  private static ErrorResponseException forbidden(String detail) {
    ErrorResponseException forbidden = new ErrorResponseException(HttpStatus.FORBIDDEN);
    forbidden.setDetail(detail);
    return forbidden;
  }
}
