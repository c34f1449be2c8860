package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.RegistrationBatch;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * The upload of registrations queued offline (the sampler's page, a terminal after an outage): each
 * item registered on its own, the answer listing for every item its registration or why it was
 * refused.
 */
@RestController
@Tag(name = "Sampling: tubes")
class RegistrationBatchApi {

  private final RegistrationBatch batch;
  private final Clock clock;

  RegistrationBatchApi(RegistrationBatch batch, Clock clock) {
    this.batch = batch;
    this.clock = clock;
  }

  @Schema(
      name = "RegistrationBatch",
      description = "Registrations queued on the device, oldest first")
  record BatchRequest(
      @ArraySchema(
              arraySchema =
                  @Schema(
                      description = "At most 200; each as the single registration, with its tube"),
              schema = @Schema(implementation = BatchItem.class))
          @Nullable List<@Nullable BatchItem> registrations) {}

  @Schema(
      name = "BatchRegistration",
      description =
          "One queued registration: the tube, the device's idempotency key, what was read (as for"
              + " a single registration) and when it was taken")
  record BatchItem(
      @Schema(example = "000000001236") @Nullable String tubeBarcode,
      @Schema(
              description = "Chosen on the device (8-100 of A-Z a-z 0-9 . _ : -)",
              example = "web-3f9a01bc:6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a")
          @Nullable String idempotencyKey,
      @Schema(allowableValues = {"CODE", "ID_CARD", "TYPED_NUMBER"})
          @Nullable String credentialKind,
      @Schema(
              description = "For CODE: the scanned text",
              example = "SSC:AQ...",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String payload,
      @Schema(description = "For ID_CARD and TYPED_NUMBER", example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(
              description = "For ID_CARD and TYPED_NUMBER; never shown back (masked)",
              example = "310104198807120035",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String documentNumber,
      @Schema(
              description = "For ID_CARD and TYPED_NUMBER: must match the register",
              example = "王小明",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String name,
      @Schema(
              description =
                  "When the person was registered on the device (its clock corrected by the"
                      + " server's); at most a minute ahead, not older than 7 days; omitted for now",
              example = "2026-04-02T00:12:00Z")
          @Nullable Instant registeredAt) {

    RegistrationBatch.Item item() {
      var request =
          new TubesApi.RegistrationRequest(
              idempotencyKey,
              credentialKind,
              payload,
              documentType,
              documentNumber,
              name,
              registeredAt);
      return new RegistrationBatch.Item(
          tubeBarcode, idempotencyKey, request::credential, registeredAt);
    }
  }

  @Schema(name = "RegistrationBatchResult", description = "What became of every item, in order")
  record BatchView(
      @Schema(
              description = "The server's time, for the device to correct its clock",
              example = "2026-04-02T00:20:00Z")
          Instant serverTime,
      @Schema(description = "Items registered (or registered before: sent again)", example = "9")
          int registered,
      @Schema(description = "Items refused: the list the site must fix", example = "1") int refused,
      List<BatchOutcome> registrations) {}

  @Schema(
      name = "BatchOutcome",
      description = "One item: its registration, or the refusal the site must fix")
  record BatchOutcome(
      @Schema(description = "The item's place in the request, from 0", example = "0") int index,
      @Schema(example = "web-3f9a01bc:6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a")
          @Nullable String idempotencyKey,
      @Schema(example = "000000001236") @Nullable String tubeBarcode,
      @Schema(allowableValues = {"REGISTERED", "REFUSED"}) String outcome,
      @Schema(description = "For REGISTERED: as the single registration answers")
          TubesApi.@Nullable RegistrationView registration,
      @Schema(description = "For REFUSED: why") @Nullable BatchProblem problem) {}

  @Schema(
      name = "BatchProblem",
      description =
          "Why an item was refused: the code and message a single registration would answer; a"
              + " status of 500 or more is the server's fault, to be sent again later")
  record BatchProblem(
      @Schema(example = "sampling.document.not-matched") String code,
      @Schema(example = "422") int status,
      @Schema(
              description = "In the caller's language",
              example =
                  "The document number and name do not match, or the person is not in the register.")
          String detail,
      @Schema(example = "证件号码与姓名不匹配，或人口信息库中没有此人，请核对后重试。") String messageZh,
      @Schema(
              example =
                  "The document number and name do not match, or the person is not in the register.")
          String messageEn) {}

  @PostMapping("/api/sampling/registrations/batch")
  @Operation(
      summary = "Upload registrations queued offline",
      description =
          "Each item is registered as POST /api/sampling/tubes/{barcode}/registrations would, in"
              + " the order sent and in its own transaction: a refused item changes nothing and"
              + " rolls back none of the others. The answer lists every item with its"
              + " registration or its refusal (code and message in both languages: the list the"
              + " site must fix). Items sent again with their idempotencyKey answer as the first"
              + " time and record nothing twice, so an upload cut off halfway is simply sent"
              + " again. Refusals of a single item: every code of the single registration.")
  @ApiResponse(responseCode = "200", description = "What became of every item")
  @Refusal(status = 400, code = "sampling.batch.empty")
  @Refusal(status = 400, code = "sampling.batch.too-large")
  BatchView upload(@RequestBody BatchRequest request) {
    List<@Nullable BatchItem> sent = request.registrations();
    List<RegistrationBatch.Item> items = new ArrayList<>();
    if (sent != null) {
      for (BatchItem item : sent) {
        items.add(
            item == null
                ? new BatchItem(null, null, null, null, null, null, null, null).item()
                : item.item());
      }
    }
    var outcomes = batch.register(items, CurrentActor.get(), LocaleContextHolder.getLocale());
    List<BatchOutcome> answers = new ArrayList<>(outcomes.size());
    int registered = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      var outcome = outcomes.get(i);
      var item = items.get(i);
      if (outcome.registration() != null) {
        registered++;
        answers.add(
            new BatchOutcome(
                i,
                item.idempotencyKey(),
                outcome.registration().tubeBarcode(),
                "REGISTERED",
                TubesApi.RegistrationView.of(
                    outcome.registration(),
                    item.idempotencyKey() == null ? "" : item.idempotencyKey()),
                null));
      } else {
        var refusal = outcome.refusal();
        answers.add(
            new BatchOutcome(
                i,
                item.idempotencyKey(),
                item.tubeBarcode(),
                "REFUSED",
                null,
                refusal == null
                    ? null
                    : new BatchProblem(
                        refusal.code(),
                        refusal.status(),
                        refusal.detail(),
                        refusal.messageZh(),
                        refusal.messageEn())));
      }
    }
    return new BatchView(clock.instant(), registered, outcomes.size() - registered, answers);
  }
}
