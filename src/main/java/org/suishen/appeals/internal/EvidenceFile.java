package org.suishen.appeals.internal;

import java.util.UUID;

/** An evidence file's description, without its bytes. */
public record EvidenceFile(
    UUID id, UUID appealId, int position, String fileName, EvidenceType type, int size) {}
