package com.careflow.promotion;

import com.careflow.employee.EmployeeController;
import com.careflow.employee.EmployeeRecords;
import com.careflow.employee.PersonnelAccess;
import com.careflow.promotion.Promotion.PromotionType;
import com.careflow.promotion.Promotion.Status;
import com.careflow.promotion.Promotion.Track;
import com.careflow.promotion.PromotionRequests.Candidacy;
import com.careflow.promotion.PromotionRequests.CompetitionNotice;
import com.careflow.promotion.PromotionRequests.Nomination;
import com.careflow.promotion.Promotions.Nominated;
import com.careflow.register.RegisterQuery;
import com.careflow.web.IdempotentPosts;
import com.careflow.web.IdempotentPosts.Created;
import com.careflow.web.NotFound;
import com.careflow.web.OpenTasks;
import com.careflow.web.OpenTasks.OpenTask;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SPEC §4: nominations by the department managers, internal competitions by HR, candidates'
 * registrations, and the promotions register.
 */
@RestController
@RequestMapping("/api/promotions")
public class PromotionController {

  /** The department managers who nominate (SPEC §4.3: 部门管理者). */
  static final String NOMINATORS = "hasAnyAuthority('GROUP_cs-managers', 'GROUP_sales-managers', "
      + "'GROUP_hr-managers', 'GROUP_vice-presidents', 'GROUP_general-managers')";

  /** Those who handle some department's personnel list promotions ({@link PersonnelAccess}). */
  static final String READERS = "@personnelAccess.isPersonnel(authentication)";

  private final Promotions promotions;
  private final PromotionRegister register;
  private final OpenTasks openTasks;
  private final IdempotentPosts idempotent;
  private final PersonnelAccess personnel;
  private final EmployeeRecords employees;

  public PromotionController(Promotions promotions, PromotionRegister register,
      OpenTasks openTasks, IdempotentPosts idempotent, PersonnelAccess personnel,
      EmployeeRecords employees) {
    this.employees = employees;
    this.promotions = promotions;
    this.register = register;
    this.openTasks = openTasks;
    this.idempotent = idempotent;
    this.personnel = personnel;
  }

  /**
   * 201 with the number and the eligibility: every unmet condition when not eligible. A
   * repeated {@code Idempotency-Key} gets the first answer again.
   */
  @PostMapping
  @PreAuthorize(NOMINATORS)
  public ResponseEntity<JsonNode> nominate(@RequestBody Nomination nomination,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String idempotencyKey,
      Authentication manager) {
    if (nomination.employeeId() != null) {
      employees.find(nomination.employeeId())
          .ifPresent(nominee -> personnel.checkNominates(manager, nominee));
    }
    return idempotent.create("POST /api/promotions", manager.getName(), idempotencyKey,
        nomination, () -> {
          Nominated nominated = promotions.nominate(nomination, manager.getName());
          return new Created(URI.create("/api/promotions/" + nominated.id()), nominated);
        });
  }

  /** A promotion with its open tasks (none once it has ended). */
  public record PromotionView(Promotion promotion, List<OpenTask> openTasks) {}

  /** A promotion, for whoever may read its employee's file (SPEC §7.2). */
  @GetMapping("/{id}")
  public PromotionView get(@PathVariable String id, Authentication user) {
    Promotion promotion = register.find(id)
        .orElseThrow(() -> NotFound.because("No promotion numbered " + id));
    personnel.checkReads(user, employees.find(promotion.employeeId()).orElseThrow());
    return new PromotionView(promotion, promotion.competitionId() == null
        ? openTasks.of(promotion.processInstanceId()) : List.of());
  }

  @GetMapping
  @PreAuthorize(READERS)
  public RegisterQuery.Page<Promotion> list(Authentication user,
      @RequestParam(required = false) @Size(max = 20) String employee,
      @RequestParam(required = false) Status status,
      @RequestParam(required = false) Track track,
      @RequestParam(required = false) PromotionType kind,
      @RequestParam(required = false) @Size(max = 20) String competition,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return register.search(
        new PromotionRegister.Filter(employee, status, track, kind, competition),
        personnel.scope(user), page, size);
  }

  /** SPEC §4.4: HR publishes a competition; 201 with its number. */
  @PostMapping("/competitions")
  @PreAuthorize(EmployeeController.HR)
  public ResponseEntity<JsonNode> openCompetition(@RequestBody CompetitionNotice notice,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String idempotencyKey,
      Authentication hr) {
    return idempotent.create("POST /api/promotions/competitions", hr.getName(), idempotencyKey,
        notice, () -> {
          String id = promotions.openCompetition(notice, hr.getName());
          return new Created(URI.create("/api/promotions/competitions/" + id), Map.of("id", id));
        });
  }

  /** A competition; each reader also sees the candidates whose files they may read. */
  public record CompetitionView(Competition competition, List<Promotion> candidates) {}

  @GetMapping("/competitions/{id}")
  public CompetitionView competition(@PathVariable String id, Authentication user) {
    Competition competition = register.findCompetition(id)
        .orElseThrow(() -> NotFound.because("No competition numbered " + id));
    return new CompetitionView(competition,
        personnel.isPersonnel(user) ? register.candidates(id).stream()
            .filter(candidate -> employees.find(candidate.employeeId())
                .map(employee -> personnel.reads(user, employee)).orElse(false))
            .toList() : null);
  }

  /** SPEC §4.4: a candidate registers until the closing date; 201 with the entry's number. */
  @PostMapping("/competitions/{id}/candidates")
  public ResponseEntity<JsonNode> registerCandidate(@PathVariable String id,
      @RequestBody Candidacy candidacy,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200) String idempotencyKey,
      Authentication user) {
    return idempotent.create("POST /api/promotions/competitions/" + id + "/candidates",
        user.getName(), idempotencyKey, candidacy, () -> {
          String entry = promotions.register(id, candidacy, user.getName(),
              candidate -> personnel.scope(user).includes(candidate.department()));
          return new Created(URI.create("/api/promotions/" + entry),
              Map.of("id", entry, "competitionId", id));
        });
  }
}
