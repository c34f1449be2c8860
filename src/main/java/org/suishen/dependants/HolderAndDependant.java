package org.suishen.dependants;

import java.util.UUID;

/** A family member (holder) and a dependant, by person id: a pair a binding may stand for. */
public record HolderAndDependant(UUID holder, UUID dependant) {}
