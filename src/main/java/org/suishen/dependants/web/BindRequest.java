package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A JSON application to bind a dependant of the same household (no evidence to upload). The answer
 * names the dependant under the same names, masked, and the relationship as stated. The
 * relationship is a string here, not the enum, so that a missing or unknown one is refused with its
 * own code ({@code dependants.relationship}) rather than as a malformed body.
 */
@Schema(description = "Who to bind: the dependant's document and name as in the register")
record BindRequest(
    @Schema(
            description = "RESIDENT_ID, FOREIGN_PASSPORT, … (see DocumentType)",
            example = "RESIDENT_ID")
        @Nullable String documentType,
    @Schema(description = "In full; shown back masked", example = "310104201904120035")
        @Nullable String documentNumber,
    @Schema(description = "As in the register; shown back masked", example = "李小宝")
        @Nullable String name,
    @Schema(
            description = RELATIONSHIP_DESCRIPTION,
            allowableValues = {
              "CHILD",
              "GRANDCHILD",
              "PARENT",
              "GRANDPARENT",
              "SPOUSE",
              "OTHER_WARD"
            },
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "CHILD")
        @Nullable String relationship) {

  /** The relationship field's description, here and in the multipart application. */
  static final String RELATIONSHIP_DESCRIPTION =
      "Who the dependant is to the holder (Relationship): required; missing or unknown → 400"
          + " dependants.relationship";
}
