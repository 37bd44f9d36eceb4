package com.careflow.notify;

import com.careflow.notify.NoticeRelay.Delivery;
import com.careflow.notify.Outbox.Channel;
import com.careflow.notify.NoticeRelay.Status;
import com.careflow.web.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices' delivery (issue 19): which messages failed, sending one again, and each person's
 * choice of e-mail about new tasks.
 */
@RestController
@Validated
public class NoticeController {

  /**
   * Who watches the delivery of customer notices: the managers who answer for customer contact.
   * The list names customers' addresses, which administrators do not read (SPEC §7.3).
   */
  static final String WATCHERS = "hasAnyAuthority('GROUP_cs-managers', 'GROUP_sales-managers')";

  /** A person's notice settings. */
  public record Preferences(String email, boolean taskEmail) {}

  /** What a person may change. */
  public record PreferencesChange(@NotNull Boolean taskEmail) {}

  private final NoticeRelay relay;
  private final StaffNotices staff;
  private final IdentityService identity;

  public NoticeController(NoticeRelay relay, StaffNotices staff, IdentityService identity) {
    this.relay = relay;
    this.staff = staff;
    this.identity = identity;
  }

  /** The messages in a status (FAILED by default), newest first, at most 200. */
  @GetMapping("/api/notices")
  @PreAuthorize(WATCHERS)
  public List<Delivery> list(@RequestParam(defaultValue = "FAILED") Status status,
      @RequestParam(name = "case", required = false) @Pattern(regexp = "[A-Z]{2}-\\d{4}-\\d{4,}",
          message = "must be a case number, e.g. CP-2611-0001") String caseNumber) {
    return relay.list(status, caseNumber, 200);
  }

  /**
   * Sends a FAILED message again: due at once, with a fresh count of attempts. Asks for a JSON
   * content type (the body may be empty), which a form on another site cannot send with the
   * browser's remembered credentials.
   */
  @PostMapping(path = "/api/notices/{id}/resend", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize(WATCHERS)
  public Delivery resend(@PathVariable long id) {
    Delivery delivery = relay.find(id)
        .orElseThrow(() -> NotFound.because("No notice numbered " + id));
    if (!relay.resend(id)) {
      ErrorResponseException conflict = new ErrorResponseException(HttpStatus.CONFLICT);
      conflict.setDetail(delivery.channel() == Channel.NONE
          ? "Notice " + id + " has no way to the customer (no e-mail address, SMS off): tell "
              + "the customer another way"
          : "Notice " + id + " is " + delivery.status() + ": only a FAILED notice is sent again");
      throw conflict;
    }
    return relay.find(id).orElseThrow();
  }

  /** The caller's own settings. */
  @GetMapping("/api/me/notifications")
  public Preferences preferences(Authentication user) {
    return preferencesOf(user.getName());
  }

  /** The caller's own choice of e-mail about new tasks. */
  @PutMapping(path = "/api/me/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Preferences choose(@Valid @RequestBody PreferencesChange change, Authentication user) {
    staff.setTaskEmail(user.getName(), change.taskEmail());
    return preferencesOf(user.getName());
  }

  private Preferences preferencesOf(String userId) {
    User profile = identity.createUserQuery().userId(userId).singleResult();
    return new Preferences(profile == null ? null : profile.getEmail(), staff.taskEmail(userId));
  }
}
