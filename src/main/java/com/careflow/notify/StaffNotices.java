package com.careflow.notify;

import com.careflow.calendar.CalendarProperties;
import com.careflow.notify.Outbox.Channel;
import com.careflow.notify.Outbox.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells staff about work by e-mail, at the address of their Camunda user profile (issue 19):
 * <ul>
 *   <li>a new task, to its assignee, or else to its candidate users and the members of its
 *       candidate groups; and a task assigned to someone by another person. Only to people who
 *       asked for it ({@link #taskEmail}; {@code careflow.notify.staff.task-email-by-default}),
 *       and never to the person whose own action made the task.
 *   <li>an overdue escalation ({@code overdue.OverdueWork}), always, to every member of the
 *       manager groups it goes to.
 * </ul>
 * The mail names the task, the case and the due date, and links to the task in Tasklist. It is
 * queued in the transaction that creates or escalates the task ({@link Outbox}).
 */
@Component
public class StaffNotices {

  /** The user-profile setting (Camunda user info) for mail about new tasks: true or false. */
  public static final String TASK_EMAIL = "careflow.notify.task-email";

  private static final Logger LOG = LoggerFactory.getLogger(StaffNotices.class);

  private final IdentityService identity;
  private final RepositoryService repository;
  private final Outbox outbox;
  private final NoticeTemplates templates;
  private final NotifyProperties properties;
  private final DateTimeFormatter due;

  public StaffNotices(IdentityService identity, RepositoryService repository, Outbox outbox,
      NoticeTemplates templates, NotifyProperties properties, CalendarProperties calendar) {
    this.due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
    this.identity = identity;
    this.repository = repository;
    this.outbox = outbox;
    this.templates = templates;
    this.properties = properties;
  }

  /** Whether the person is told of new tasks by e-mail. */
  public boolean taskEmail(String userId) {
    String chosen = asApplication(() -> identity.getUserInfo(userId, TASK_EMAIL));
    return chosen == null ? properties.staff().taskEmailByDefault() : Boolean.parseBoolean(chosen);
  }

  /** The person's choice of mail about new tasks. */
  public void setTaskEmail(String userId, boolean wanted) {
    asApplication(() -> {
      identity.setUserInfo(userId, TASK_EMAIL, Boolean.toString(wanted));
      return null;
    });
  }

  /** Camunda's task events (Spring Boot starter eventing): a task created or assigned. */
  @EventListener
  public void onTask(DelegateTask task) {
    if (!properties.email().enabled()) {
      return;
    }
    String actor = actor();
    Map<String, User> recipients = new LinkedHashMap<>();
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        && task.getAssignee() != null) {
      addUser(recipients, task.getAssignee());
    } else if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        && task.getAssignee() == null) {
      for (IdentityLink candidate : task.getCandidates()) {
        if (candidate.getUserId() != null) {
          addUser(recipients, candidate.getUserId());
        } else if (candidate.getGroupId() != null) {
          addGroup(recipients, candidate.getGroupId());
        }
      }
    }
    recipients.remove(actor);
    recipients.values().stream()
        .filter(user -> StringUtils.hasText(user.getEmail()) && taskEmail(user.getId()))
        .forEach(user -> queue("NEW_TASK", "staff-task", user, task.getId(), task.getName(),
            task.getDueDate(), task.getProcessDefinitionId(),
            task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey()));
  }

  /**
   * Who acts: the engine's authenticated user (Tasklist, {@code /engine-rest}), else the user of
   * the web request ({@code /api}, which uses the engine as the application).
   */
  private String actor() {
    return Optional.ofNullable(identity.getCurrentAuthentication())
        .map(authentication -> authentication.getUserId())
        .or(() -> Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
            .map(authentication -> authentication.getName()))
        .orElse(null);
  }

  /**
   * Tells every member of the manager groups, by e-mail, that a written complaint was
   * registered (SPEC §1.2: a written complaint is reported to the customer-service managers at
   * once), with a link to the case.
   */
  public void writtenComplaint(String caseNumber, String subject, String registeredBy,
      Collection<String> managerGroups) {
    if (!properties.email().enabled()) {
      LOG.info("Written complaint {}: e-mail is off, the managers are not mailed", caseNumber);
      return;
    }
    Map<String, User> recipients = new LinkedHashMap<>();
    managerGroups.forEach(group -> addGroup(recipients, group));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("caseNumber", caseNumber);
    values.put("subject", subject);
    values.put("registeredBy", registeredBy);
    values.put("caseLink", link("/api/complaints/" + caseNumber));
    recipients.values().stream().filter(user -> StringUtils.hasText(user.getEmail()))
        .forEach(user -> mail("WRITTEN_COMPLAINT", "staff-written-complaint", user, caseNumber,
            values));
  }

  /** Tells every member of the manager groups that the task is overdue. */
  public void overdue(Task task, String businessKey, Collection<String> managerGroups) {
    if (!properties.email().enabled()) {
      return;
    }
    Map<String, User> recipients = new LinkedHashMap<>();
    managerGroups.forEach(group -> addGroup(recipients, group));
    recipients.values().stream().filter(user -> StringUtils.hasText(user.getEmail()))
        .forEach(user -> queue("OVERDUE_TASK", "staff-overdue", user, task.getId(),
            task.getName(), task.getDueDate(), task.getProcessDefinitionId(), businessKey));
  }

  private void queue(String kind, String template, User user, String taskId, String taskName,
      Date dueAt, String processDefinitionId, String caseNumber) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("taskName", taskName);
    values.put("processName", processDefinitionId == null ? null
        : asApplication(() -> repository.getProcessDefinition(processDefinitionId).getName()));
    values.put("caseNumber", caseNumber);
    values.put("dueDate", dueAt == null ? null : due.format(dueAt.toInstant()));
    values.put("taskLink", link("/camunda/app/tasklist/default/#/?task=" + taskId));
    mail(kind, template, user, caseNumber, values);
  }

  /**
   * Queues the template's mail (and its {@code -subject}) to the person, addressed by name, in
   * the outbox; a profile whose e-mail address is not one gets none (logged).
   */
  private void mail(String kind, String template, User user, String caseNumber,
      Map<String, Object> caseValues) {
    if (!deliverable(user.getEmail())) {
      LOG.warn("No {} mail to {}: the profile's e-mail address is not one", kind, user.getId());
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>(caseValues);
    values.put("recipientName", Objects.toString(user.getFirstName(), "") + " "
        + Objects.toString(user.getLastName(), ""));
    outbox.add(new Message(null, caseNumber, kind, template, Channel.EMAIL, user.getEmail(),
        templates.render(template + "-subject", values::get),
        templates.render(template, values::get)));
  }

  /** A link into CareFlow, from its configured base address. */
  private String link(String path) {
    return properties.baseUrl().toString().replaceAll("/+$", "") + path;
  }

  /** A single plain address that fits the outbox; a profile may hold anything. */
  private static boolean deliverable(String address) {
    try {
      new InternetAddress(address, true).validate();
      return address.length() <= 320 && address.chars().noneMatch(Character::isWhitespace);
    } catch (AddressException notAnAddress) {
      return false;
    }
  }

  private void addUser(Map<String, User> recipients, String userId) {
    User user = asApplication(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user != null) {
      recipients.put(user.getId(), user);
    }
  }

  private void addGroup(Map<String, User> recipients, String groupId) {
    asApplication(() -> identity.createUserQuery().memberOfGroup(groupId).list())
        .forEach(user -> recipients.putIfAbsent(user.getId(), user));
  }

  /**
   * Reads people and their settings as the application, not as the person whose action made
   * the task: an agent who completes a step may not read other users' profiles.
   */
  private static <T> T asApplication(Callable<T> read) {
    CommandContext command = Context.getCommandContext();
    try {
      return command == null ? read.call() : command.runWithoutAuthorization(read);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
