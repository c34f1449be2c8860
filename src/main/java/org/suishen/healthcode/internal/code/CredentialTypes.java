package org.suishen.healthcode.internal.code;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeCredentials;
import org.suishen.healthcode.CodeType;
import org.suishen.shared.security.Role;

/**
 * The application's {@link CodeCredentials} beans by code type (other modules contribute them, e.g.
 * the NAT code). Resolved on first use, so that the contributing modules may depend on the token
 * service themselves.
 */
@Component
public class CredentialTypes {

  private final ObjectProvider<CodeCredentials> provider;
  private volatile @Nullable Map<CodeType, CodeCredentials> byType;

  CredentialTypes(ObjectProvider<CodeCredentials> provider) {
    this.provider = provider;
  }

  /** The credentials of a type whose tokens carry a credential id, or null for other types. */
  public @Nullable CodeCredentials of(CodeType type) {
    return byType().get(type);
  }

  /** The types a scanner with these authorities accepts: the common ones plus by role. */
  public Set<CodeType> acceptedBy(Set<CodeType> common, Collection<String> authorities) {
    Set<CodeType> accepted = null;
    for (CodeCredentials credentials : byType().values()) {
      if (!common.contains(credentials.type())
          && credentials.acceptedBy().stream()
              .map(Role::authority)
              .anyMatch(authorities::contains)) {
        if (accepted == null) {
          accepted = EnumSet.copyOf(common.isEmpty() ? EnumSet.noneOf(CodeType.class) : common);
        }
        accepted.add(credentials.type());
      }
    }
    return accepted == null ? common : accepted;
  }

  /** Whether a scan of this type shows the person's current colour. */
  public boolean showsStatus(@Nullable CodeType type) {
    CodeCredentials credentials = type == null ? null : of(type);
    return credentials == null || credentials.showsStatus();
  }

  private Map<CodeType, CodeCredentials> byType() {
    Map<CodeType, CodeCredentials> map = byType;
    if (map == null) {
      var found = new EnumMap<CodeType, CodeCredentials>(CodeType.class);
      provider.orderedStream().forEach(c -> found.putIfAbsent(c.type(), c));
      map = Map.copyOf(found);
      byType = map;
    }
    return map;
  }
}
