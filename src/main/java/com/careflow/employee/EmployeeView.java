package com.careflow.employee;

import com.careflow.web.OpenTasks.OpenTask;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * {@code GET /api/employees/{id}}: the record, its file, the customers' satisfaction ratings of
 * the cases the employee took first, per month of the last 12 (SPEC §8.4), and the open
 * onboarding tasks. The list leaves the file, the ratings and the tasks out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmployeeView(@JsonUnwrapped Employee employee, EmployeeHistory file,
    List<MonthlyRatings> satisfaction, List<OpenTask> openTasks) {}
