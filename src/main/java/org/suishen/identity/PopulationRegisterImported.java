package org.suishen.identity;

import java.util.UUID;

/**
 * Published when an import has been merged into the register: {@code rowsMerged} persons were
 * created or changed. Listeners that cache names or documents may refresh.
 */
public record PopulationRegisterImported(UUID importId, long rowsMerged, long rowsInserted) {}
