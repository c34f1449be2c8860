package org.suishen.security;

import java.util.List;
import java.util.Set;
import org.suishen.shared.security.Role;

/**
 * Who reaches a group of paths: the public (no roles), any of the given roles, or (no patterns)
 * anybody logged in. One table of these ({@link AccessRules}) drives both the filter chain and the
 * roles the API documentation names, so the two cannot drift apart.
 */
record AccessRule(List<String> patterns, Set<Role> roles, boolean open) {

  static AccessRule open(String... patterns) {
    return new AccessRule(List.of(patterns), Set.of(), true);
  }

  static AccessRule roles(List<String> patterns, Role... roles) {
    return new AccessRule(patterns, Set.of(roles), false);
  }
}
