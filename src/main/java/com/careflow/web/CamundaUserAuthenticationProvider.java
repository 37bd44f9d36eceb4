package com.careflow.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, the same users and
 * passwords as the web apps' login. Repeated wrong passwords from one address slow that address
 * down ({@link SignInThrottle}); they never lock the account.
 * The user's Camunda groups become authorities named {@code GROUP_<id>}, for
 * {@code hasAuthority("GROUP_cs-agents")}-style rules on {@code /api/**}, and
 * {@code /engine-rest} hands the same groups to the engine ({@link SignedInEngineUser}). A sign-in
 * verified a moment ago is recalled without asking the database again ({@link RecentSignIns}).
 */
@Component
public class CamundaUserAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public static final String TENANT_AUTHORITY_PREFIX = "TENANT_";

  private final IdentityService identityService;
  private final SignInThrottle throttle;
  private final RecentSignIns recent;

  public CamundaUserAuthenticationProvider(IdentityService identityService,
      SignInThrottle throttle, SignInMemory memory) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.recent = memory.recent();
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails web
        ? web.getRemoteAddress() : "";
    Duration wait = throttle.waitBeforeTrying(userId, address);
    if (!wait.isZero()) {
      throw new SignInThrottledException(wait);
    }
    if (userId == null || credentials == null) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    String password = credentials.toString();
    Optional<RecentSignIns.Caller> recalled = recent.recall(userId, password);
    if (recalled.isPresent()) {
      return signedIn(userId, recalled.get());
    }
    if (!identityService.checkPassword(userId, password)) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    throttle.succeeded(userId, address);
    RecentSignIns.Caller caller = new RecentSignIns.Caller(
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId).toList(),
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
            .list().stream().map(Tenant::getId).toList());
    recent.remember(userId, password, caller);
    return signedIn(userId, caller);
  }

  /** The caller's groups and tenants as authorities ({@code GROUP_cs-agents}, {@code TENANT_…}). */
  private static Authentication signedIn(String userId, RecentSignIns.Caller caller) {
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    caller.groups().forEach(id -> authorities.add(
        new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id)));
    caller.tenants().forEach(id -> authorities.add(
        new SimpleGrantedAuthority(TENANT_AUTHORITY_PREFIX + id)));
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /** The Camunda groups of an authenticated caller, from their {@code GROUP_} authorities. */
  public static List<String> groupsOf(Authentication user) {
    return authorities(user, GROUP_AUTHORITY_PREFIX);
  }

  /** The Camunda tenants of an authenticated caller, from their {@code TENANT_} authorities. */
  public static List<String> tenantsOf(Authentication user) {
    return authorities(user, TENANT_AUTHORITY_PREFIX);
  }

  private static List<String> authorities(Authentication user, String prefix) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(prefix))
        .map(authority -> authority.substring(prefix.length()))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
