package com.careflow.employee;

import com.careflow.web.IdempotentPosts;
import com.careflow.web.IdempotentPosts.Created;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.LongSupplier;
import com.careflow.employee.Employee.Status;
import com.careflow.employee.HrEntries.CertificateEntry;
import com.careflow.employee.HrEntries.CourseResultEntry;
import com.careflow.employee.HrEntries.DisciplinaryActionEntry;
import com.careflow.employee.HrEntries.PerformanceScoreEntry;
import com.careflow.register.RegisterQuery;
import com.careflow.web.NotFound;
import com.careflow.web.OpenTasks;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employee records (SPEC §3, §4): HR and the managers read them, and each member of staff
 * their own; HR records performance scores, disciplinary actions, certificates and course
 * results. A hire is registered by
 * {@code POST /api/employees}, which starts onboarding ({@code onboarding.HiringController}).
 */
@RestController
@RequestMapping("/api/employees")
public class EmployeeController {

  /** The lists are for those who handle some department's personnel ({@link PersonnelAccess}). */
  static final String READERS = "@personnelAccess.isPersonnel(authentication)";

  /** Only HR writes them. */
  public static final String HR = "hasAnyAuthority('GROUP_hr', 'GROUP_hr-managers')";

  private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

  private final EmployeeRecords records;
  private final EmployeeFile file;
  private final OpenTasks openTasks;
  private final PersonnelAccess personnel;
  private final IdempotentPosts idempotent;
  private final Appraisal appraisal;

  public EmployeeController(EmployeeRecords records, EmployeeFile file, OpenTasks openTasks,
      PersonnelAccess personnel, IdempotentPosts idempotent, Appraisal appraisal) {
    this.idempotent = idempotent;
    this.appraisal = appraisal;
    this.records = records;
    this.file = file;
    this.openTasks = openTasks;
    this.personnel = personnel;
  }

  /**
   * The signed-in member of staff's own record and file: scores, disciplinary actions (with
   * the case each comes from), certificates and courses, what promotion will weigh, and the
   * customers' ratings of the cases they took first.
   */
  @GetMapping("/me")
  public EmployeeView me(Authentication user) {
    Employee employee = records.currentByUser(user.getName()).orElseThrow(() ->
        NotFound.because("You have no current employee record"));
    return new EmployeeView(employee, records.history(employee.id()),
        appraisal.satisfaction(employee), null);
  }

  /** An employee's record and file: for HR, the general managers, their department's managers. */
  @GetMapping("/{id}")
  public EmployeeView get(@PathVariable String id, Authentication user) {
    Employee employee = file.employee(id);
    personnel.checkReads(user, employee);
    return new EmployeeView(employee, records.history(id), appraisal.satisfaction(employee),
        openTasks.of(employee.processInstanceId()));
  }

  /** The records the user may read, newest hire first, by status and department. */
  @GetMapping
  @PreAuthorize(READERS)
  public RegisterQuery.Page<EmployeeView> list(Authentication user,
      @RequestParam(required = false) Status status,
      @RequestParam(required = false) @Size(max = 100) String department,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return records.search(new EmployeeRecords.Filter(status, department), personnel.scope(user),
            page, size)
        .map(employee -> new EmployeeView(employee, null, null, null));
  }

  /** Records the month's performance score (one per month; a second replaces the first). */
  @PutMapping("/{id}/performance-scores/{month}")
  @PreAuthorize(HR)
  public ResponseEntity<Map<String, Object>> recordPerformanceScore(@PathVariable String id,
      @PathVariable @Pattern(regexp = MONTH, message = "must be a month, YYYY-MM") String month,
      @RequestBody PerformanceScoreEntry entry, Authentication hr) {
    boolean replaced = file.recordPerformanceScore(id, YearMonth.parse(month), entry, hr.getName());
    Map<String, Object> body = Map.of("month", month, "score", entry.score());
    return replaced ? ResponseEntity.ok(body)
        : ResponseEntity.created(URI.create("/api/employees/" + id + "/performance-scores/"
            + month)).body(body);
  }

  @PostMapping("/{id}/disciplinary-actions")
  @PreAuthorize(HR)
  public ResponseEntity<JsonNode> addDisciplinaryAction(@PathVariable String id,
      @RequestBody DisciplinaryActionEntry entry, @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String key, Authentication hr) {
    return entry("disciplinary-actions", id, entry, key, hr,
        () -> file.addDisciplinaryAction(id, entry, hr.getName()));
  }

  @PostMapping("/{id}/certificates")
  @PreAuthorize(HR)
  public ResponseEntity<JsonNode> addCertificate(@PathVariable String id,
      @RequestBody CertificateEntry entry, @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String key, Authentication hr) {
    return entry("certificates", id, entry, key, hr,
        () -> file.addCertificate(id, entry, hr.getName()));
  }

  @PostMapping("/{id}/course-results")
  @PreAuthorize(HR)
  public ResponseEntity<JsonNode> addCourseResult(@PathVariable String id,
      @RequestBody CourseResultEntry entry, @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String key, Authentication hr) {
    return entry("course-results", id, entry, key, hr,
        () -> file.addCourseResult(id, entry, hr.getName()));
  }

  /**
   * 201 pointing at the employee's file, where the entry now appears; a retry with the same
   * {@code Idempotency-Key} gets the first answer and adds nothing (a warning recorded twice
   * would count twice against promotion).
   */
  private ResponseEntity<JsonNode> entry(String kind, String id, Object entry, String key,
      Authentication hr, LongSupplier add) {
    return idempotent.create("POST /api/employees/" + id + "/" + kind, hr.getName(), key, entry,
        () -> new Created(URI.create("/api/employees/" + id),
            Map.of("id", add.getAsLong(), "employeeId", id)));
  }
}
