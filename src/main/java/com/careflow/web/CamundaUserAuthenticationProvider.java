package com.careflow.web;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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
 * {@code hasAuthority("GROUP_cs-agents")}-style rules on {@code /api/**}.
 */
@Component
public class CamundaUserAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final SignInThrottle throttle;

  public CamundaUserAuthenticationProvider(IdentityService identityService,
      SignInThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
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
    if (userId == null || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    throttle.succeeded(userId, address);
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery()
        .groupMember(userId).list().stream()
        .map(Group::getId)
        .map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  /** The Camunda groups of an authenticated caller, from their {@code GROUP_} authorities. */
  public static List<String> groupsOf(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(GROUP_AUTHORITY_PREFIX))
        .map(authority -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
