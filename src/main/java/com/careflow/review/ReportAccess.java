package com.careflow.review;

/** Who reads the monthly complaint reports: the managers, the offices that review, admins. */
final class ReportAccess {

  static final String MANAGERS = "hasAnyAuthority('GROUP_cs-managers', 'GROUP_sales-managers', "
      + "'GROUP_hr-managers', 'GROUP_vice-presidents', 'GROUP_general-managers', "
      + "'GROUP_gm-office', 'GROUP_management-office', 'GROUP_camunda-admin')";

  /** {@code YYYY-MM}. */
  static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

  private ReportAccess() {}
}
