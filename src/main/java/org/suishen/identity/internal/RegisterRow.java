package org.suishen.identity.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Sex;

/** One checked row of a register file, ready for the staging table. */
record RegisterRow(
    IdentityDocument document,
    String name,
    String nameNormalised,
    Sex sex,
    LocalDate birthDate,
    @Nullable String householdId,
    @Nullable String district,
    @Nullable String photoFile,
    boolean disabilityCertificate) {}
