package org.suishen.status.internal.manual;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/**
 * What an officer proposes.
 *
 * @param reasonCode one of {@code suishen.status.manual.reason-codes}
 * @param evidence what the change rests on (documents seen, departments consulted)
 * @param evidenceFile a reference to a stored document, if any
 * @param validUntil when the change lapses and the rules decide again; open when {@code null}
 */
public record ManualChangeProposal(
    UUID personId,
    Colour colour,
    String reasonCode,
    String evidence,
    @Nullable String evidenceFile,
    @Nullable Instant validUntil) {}
