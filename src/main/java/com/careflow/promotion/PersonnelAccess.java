package com.careflow.promotion;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Promotions are personnel matters: HR and the managers read them, see a competition's
 * candidates and register anyone for it; other staff register only themselves. One list for
 * {@code @PreAuthorize("@personnelAccess.isPersonnel(authentication)")} and for the checks
 * inside the requests.
 */
@Component
public class PersonnelAccess {

  private static final Set<String> PERSONNEL = Set.of("GROUP_hr", "GROUP_hr-managers",
      "GROUP_cs-managers", "GROUP_sales-managers", "GROUP_vice-presidents",
      "GROUP_general-managers");

  public boolean isPersonnel(Authentication user) {
    return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(PERSONNEL::contains);
  }
}
