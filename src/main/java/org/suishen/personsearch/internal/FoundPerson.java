package org.suishen.personsearch.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.status.Colour;

/**
 * A person found, masked except for what the searcher's role needs: the id to act on (appeal,
 * review, manual change), enough to tell it is the right person (masked name and document, birth
 * year and age), and for the health authority the current colour.
 *
 * @param colour the current colour; {@code null} unless the searcher is the health authority
 */
public record FoundPerson(
    UUID personId,
    String maskedName,
    DocumentType documentType,
    String maskedDocumentNumber,
    int birthYear,
    int age,
    @Nullable Colour colour) {}
