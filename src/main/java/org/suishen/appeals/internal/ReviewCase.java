package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.status.HealthStatus;

/**
 * Everything a reviewer needs to decide an appeal: the appeal, the person (absent if the register
 * no longer knows them), their current health status, the consultation notes and the evidence.
 */
public record ReviewCase(
    Appeal appeal,
    @Nullable ReviewedPerson person,
    HealthStatus status,
    List<Consultation> consultations,
    List<EvidenceFile> evidence,
    int minimumConsultations) {}
