package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.shared.problem.SuishenException;

/** A reviewer's decision on a pending application. */
enum Decision {
  APPROVE(BindingState.APPROVED),
  REJECT(BindingState.REJECTED);

  private final BindingState state;

  Decision(BindingState state) {
    this.state = state;
  }

  /** The decision form's button ({@code APPROVE}, {@code REJECT}). */
  static Decision parse(@Nullable String value) {
    if (value != null) {
      for (Decision d : values()) {
        if (d.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
          return d;
        }
      }
    }
    throw SuishenException.badInput("dependants.decision-invalid");
  }

  /** The state the API asks for ({@code APPROVED}, {@code REJECTED}), as the view shows it. */
  static Decision ofState(@Nullable String value) {
    if (value != null) {
      for (Decision d : values()) {
        if (d.state.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
          return d;
        }
      }
    }
    throw SuishenException.badInput("dependants.decision-invalid");
  }

  /** The JSON body of a decision: the binding's new state, under the name the view shows it. */
  @Schema(description = "A reviewer's decision on a pending application")
  record Request(
      @Schema(
              description = "The binding's new state",
              allowableValues = {"APPROVED", "REJECTED"},
              example = "REJECTED")
          @Nullable String state,
      @Schema(
              description = "Required to reject (at most 500 characters); shown to the holder",
              example = "户口本页不清晰，请重新上传。")
          @Nullable String reason) {}

  /** The JSON body of a removal. */
  @Schema(description = "Why a reviewer removes a binding")
  record Removal(
      @Schema(
              description = "Required (at most 500 characters); shown to the holder",
              example = "经核实，申请人与该亲属无监护关系。")
          @Nullable String reason) {}
}
