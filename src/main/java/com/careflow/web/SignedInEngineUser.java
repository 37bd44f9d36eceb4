package com.careflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands Camunda's REST API the caller Spring Security signed in ({@link ApiSecurity}), with the
 * groups and tenants it already read, so the engine's authorization checks see exactly who calls
 * without querying the identity tables again on every call (Camunda's container-based provider
 * reads the groups and tenants once more per request).
 */
public class SignedInEngineUser implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request,
      ProcessEngine engine) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated()
        || caller instanceof AnonymousAuthenticationToken) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(caller.getName());
    result.setGroups(CamundaUserAuthenticationProvider.groupsOf(caller));
    result.setTenants(CamundaUserAuthenticationProvider.tenantsOf(caller));
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response,
      ProcessEngine engine) {
    // Spring Security answers an unauthenticated call (401 problem+json) before this filter
  }
}
