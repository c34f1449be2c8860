package org.suishen.personsearch.internal;

import org.jspecify.annotations.Nullable;

/**
 * A search as a searcher sent it, unchecked: a document (type and number) or a phone, and why.
 *
 * @param documentType a {@link org.suishen.identity.DocumentType} name
 * @param phone a mainland mobile number (health authority only)
 * @param reason why the searcher looks the person up, written to the audit trail
 */
public record SearchRequest(
    @Nullable String documentType,
    @Nullable String documentNumber,
    @Nullable String phone,
    @Nullable String reason) {}
