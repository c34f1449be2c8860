package org.suishen.declaration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Everyone's health declarations, append-only; the latest one is the person's current one. */
public interface HealthDeclarations {

  Optional<HealthDeclaration> latest(UUID personId);

  boolean hasDeclared(UUID personId);

  /** The person's declarations, newest first, at most {@code limit}. */
  List<HealthDeclaration> history(UUID personId, int limit);
}
