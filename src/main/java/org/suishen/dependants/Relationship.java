package org.suishen.dependants;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who the dependant is to the holder, as the holder states it when applying (issue 11): it tells
 * two children or two grandparents of one holder apart, and the reviewer checks the uploaded
 * household-register page against it. A closed list, so that it can be labelled in every language
 * and counted; the evidence, not this statement, is what a binding rests on.
 */
public enum Relationship {
  /** 子女: the holder's son or daughter. */
  CHILD,
  /** 孙子女/外孙子女: the holder's grandchild, on either side. */
  GRANDCHILD,
  /** 父母: the holder's father or mother. */
  PARENT,
  /** 祖父母/外祖父母: the holder's grandparent, on either side. */
  GRANDPARENT,
  /** 配偶: the holder's husband or wife. */
  SPOUSE,
  /** 其他被监护人: someone else under the holder's guardianship (a niece, an aunt, a ward). */
  OTHER_WARD;

  /**
   * The relationship named by {@code name} (case and surrounding spaces ignored); empty for none,
   * blank or an unknown name, for callers that refuse with a code of their own.
   */
  public static Optional<Relationship> find(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.strip().toUpperCase(Locale.ROOT);
    for (Relationship relationship : values()) {
      if (relationship.name().equals(key)) {
        return Optional.of(relationship);
      }
    }
    return Optional.empty();
  }

  /** The message key of its label ({@code dependants.relationship.CHILD}, …). */
  public String messageKey() {
    return "dependants.relationship." + name();
  }
}
