package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An appeal as the person sent it, unchecked.
 *
 * @param kind {@code WRONG_COLOUR} or {@code WRONG_NAME}
 * @param believedColour for a colour appeal, the colour the person believes correct (optional)
 * @param correctedName for a name appeal, the name as on the person's identity document
 * @param documentType for an identity appeal, the type of the document another account claimed
 * @param documentNumber for an identity appeal, its number
 * @param name for an identity appeal, the name on it
 */
public record FilingRequest(
    @Nullable String kind,
    @Nullable String text,
    @Nullable String believedColour,
    @Nullable String correctedName,
    @Nullable String documentType,
    @Nullable String documentNumber,
    @Nullable String name,
    List<EvidenceUpload> files) {

  /** A colour or name appeal. */
  public FilingRequest(
      @Nullable String kind,
      @Nullable String text,
      @Nullable String believedColour,
      @Nullable String correctedName,
      List<EvidenceUpload> files) {
    this(kind, text, believedColour, correctedName, null, null, null, files);
  }
}
