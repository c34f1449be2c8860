package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.Custody;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** Transfer boxes from the site to the lab (S4): pack, hand over, receive against the list. */
@RestController
@Tag(name = "Sampling: custody", description = "Transfer boxes and the lab's receipt (S4)")
class CustodyApi {

  private final Custody custody;

  CustodyApi(Custody custody) {
    this.custody = custody;
  }

  @Schema(name = "TransferBoxRequest", description = "A box to pack with sealed tubes of this site")
  record BoxRequest(
      @Schema(description = "B and a tube-style number", example = "B000000001236")
          @Nullable String barcode,
      @ArraySchema(
              arraySchema = @Schema(description = "Sealed tubes of the caller's site"),
              schema = @Schema(example = "000000001236"))
          @Nullable List<String> tubeBarcodes) {}

  @Schema(name = "TransferBox", description = "A transfer box, its list and its custody")
  record BoxView(
      @Schema(example = "B000000001236") String barcode,
      @Schema(example = "XH-TJ-001") String siteCode,
      @ArraySchema(schema = @Schema(example = "000000001236")) List<String> tubeBarcodes,
      @Schema(example = "2026-04-02T03:00:00Z") Instant packedAt,
      @Schema(description = "Handed to transport; null until then") @Nullable Instant handedAt,
      @Schema(description = "Who took it", example = "申通冷链 张师傅") @Nullable String courier,
      @Schema(description = "Received by the lab; null until then") @Nullable Instant receivedAt) {

    static BoxView of(Custody.Box b) {
      return new BoxView(
          b.barcode(),
          b.siteCode(),
          b.tubeBarcodes(),
          b.packedAt(),
          b.handedAt(),
          b.courier(),
          b.receivedAt());
    }
  }

  @Schema(name = "HandoverRequest", description = "Who takes the box")
  record HandoverRequest(
      @Schema(description = "The courier, 1-100 characters", example = "申通冷链 张师傅")
          @Nullable String courier) {}

  @Schema(
      name = "LabReceiptRequest",
      description = "What arrived in the box, as the lab scanned it")
  record ReceiptRequest(
      @ArraySchema(schema = @Schema(example = "000000001236")) @Nullable List<String> tubeBarcodes,
      @ArraySchema(
              arraySchema = @Schema(description = "Tubes that arrived broken or leaking"),
              schema = @Schema(example = "000000002232"))
          @Nullable List<String> damagedTubeBarcodes) {}

  @Schema(
      name = "LabReceipt",
      description = "The receipt: received, missing, extra and damaged tubes")
  record ReceiptView(
      @Schema(example = "B000000001236") String boxBarcode,
      @ArraySchema(
              arraySchema = @Schema(description = "Tubes on the list that arrived"),
              schema = @Schema(example = "000000001236"))
          List<String> tubeBarcodes,
      @ArraySchema(
              arraySchema = @Schema(description = "On the list, not in the box"),
              schema = @Schema(example = "000000003239"))
          List<String> missingTubeBarcodes,
      @ArraySchema(
              arraySchema = @Schema(description = "In the box, not on the list"),
              schema = @Schema(example = "000000004235"))
          List<String> extraTubeBarcodes,
      @ArraySchema(
              arraySchema = @Schema(description = "On the list, arrived damaged"),
              schema = @Schema(example = "000000002232"))
          List<String> damagedTubeBarcodes,
      @Schema(example = "2026-04-02T05:30:00Z") Instant receivedAt) {}

  @PostMapping("/api/sampling/boxes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Pack a transfer box",
      description =
          "Sealed tubes of the caller's site go into the box; a tube travels in one box only"
              + " (audited).")
  @ApiResponse(responseCode = "201", description = "The box")
  @Refusal(status = 400, code = "sampling.box.barcode-invalid")
  @Refusal(status = 400, code = "sampling.box.tubes-required")
  @Refusal(status = 400, code = "sampling.box.too-many-tubes")
  @Refusal(status = 400, code = "sampling.box.tube-barcode-invalid")
  @Refusal(status = 409, code = "sampling.box.used")
  @Refusal(status = 404, code = "sampling.box.tube-unknown")
  @Refusal(status = 403, code = "sampling.tube.other-site")
  @Refusal(status = 409, code = "sampling.box.tube-open")
  @Refusal(status = 409, code = "sampling.box.tube-packed")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  @Refusal(status = 409, code = "sampling.site.closed")
  BoxView pack(@RequestBody BoxRequest request) {
    return BoxView.of(custody.pack(request.barcode(), request.tubeBarcodes(), CurrentActor.get()));
  }

  @PostMapping("/api/sampling/boxes/{barcode}/handover")
  @Operation(summary = "Hand a box to transport", description = "Records the courier (audited).")
  @ApiResponse(responseCode = "200", description = "The box")
  @Refusal(status = 404, code = "sampling.box.unknown")
  @Refusal(status = 400, code = "sampling.box.courier-required")
  @Refusal(status = 403, code = "sampling.box.other-site")
  @Refusal(status = 409, code = "sampling.box.handed-over")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  BoxView handOver(@PathVariable String barcode, @RequestBody HandoverRequest request) {
    return BoxView.of(custody.handOver(barcode, request.courier(), CurrentActor.get()));
  }

  @PostMapping("/api/lab/boxes/{barcode}/receipt")
  @Operation(
      summary = "Receive a box at the lab",
      description =
          "The lab sends the tubes it scanned out of the box (and the damaged ones); the answer"
              + " lists the tubes received and what is missing, extra or damaged against the box's"
              + " list. Every finding is recorded; nothing is dropped (audited).")
  @ApiResponse(responseCode = "200", description = "The receipt")
  @Refusal(status = 404, code = "sampling.box.unknown")
  @Refusal(status = 409, code = "sampling.box.not-handed-over")
  @Refusal(status = 409, code = "sampling.box.received")
  @Refusal(status = 400, code = "sampling.box.too-many-tubes")
  @Refusal(status = 400, code = "sampling.box.tube-barcode-invalid")
  ReceiptView receive(@PathVariable String barcode, @RequestBody ReceiptRequest request) {
    var r =
        custody.receive(
            barcode, request.tubeBarcodes(), request.damagedTubeBarcodes(), CurrentActor.get());
    return new ReceiptView(
        r.boxBarcode(),
        r.tubeBarcodes(),
        r.missingTubeBarcodes(),
        r.extraTubeBarcodes(),
        r.damagedTubeBarcodes(),
        r.receivedAt());
  }
}
