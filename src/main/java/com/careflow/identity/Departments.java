package com.careflow.identity;

import com.careflow.identity.IdentityProperties.Department;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who manages whom (SPEC §7.2, §7.4), from {@code careflow.identity.departments} and
 * {@code careflow.identity.personnel}: a department's manager groups manage its people and its
 * tasks; the personnel groups (HR, the general managers) manage every department's people.
 */
@Component
public class Departments {

  /** The departments whose people a user manages: all of them, or those listed. */
  public record Scope(boolean all, Set<String> departments) {

    public boolean includes(String departmentId) {
      return all || departments.contains(departmentId);
    }

    public boolean isEmpty() {
      return !all && departments.isEmpty();
    }
  }

  private final List<Department> departments;
  private final Set<String> personnel;

  public Departments(IdentityProperties identity) {
    this.departments = identity.departments();
    this.personnel = identity.personnel();
  }

  public Optional<Department> byId(String id) {
    return departments.stream().filter(department -> department.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return departments.stream().map(Department::id).toList();
  }

  /** The departments whose people a member of these groups manages. */
  public Scope managedBy(Collection<String> userGroups) {
    if (userGroups.stream().anyMatch(personnel::contains)) {
      return new Scope(true, Set.of());
    }
    return new Scope(false, departments.stream()
        .filter(department -> userGroups.stream().anyMatch(department.managers()::contains))
        .map(Department::id)
        .collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * The groups that manage the work of a group's members: the managers of every department the
   * group belongs to (for {@code cs-agents}, {@code cs-managers}).
   */
  public Set<String> managersOfGroup(String groupId) {
    return departments.stream()
        .filter(department -> department.groups().contains(groupId))
        .flatMap(department -> department.managers().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Every group the departments and personnel name, to check against the configured groups. */
  Set<String> namedGroups() {
    return java.util.stream.Stream.concat(personnel.stream(), departments.stream()
            .flatMap(department -> java.util.stream.Stream.concat(
                department.groups().stream(), department.managers().stream())))
        .collect(Collectors.toUnmodifiableSet());
  }
}
