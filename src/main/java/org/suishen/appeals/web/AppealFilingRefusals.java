package org.suishen.appeals.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.Refusal;

/**
 * The refusals of filing an appeal, the same for the JSON body and the form with evidence files
 * (FilingPolicy, IdentityRecoveries.appealable, the one-open-appeal rule, the daily limit).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 400, code = "appeals.kind.invalid")
@Refusal(status = 400, code = "appeals.text.required")
@Refusal(status = 400, code = "appeals.text.too-long")
@Refusal(status = 400, code = "appeals.colour.invalid")
@Refusal(status = 400, code = "appeals.colour.unchanged")
@Refusal(status = 400, code = "appeals.name.required")
@Refusal(status = 400, code = "appeals.name.too-long")
@Refusal(status = 400, code = "appeals.name.invalid")
@Refusal(status = 400, code = "appeals.name.unchanged")
@Refusal(status = 400, code = "appeals.identity.document-type")
@Refusal(status = 400, code = "appeals.identity.document-number.required")
@Refusal(status = 400, code = "identity.document.format")
@Refusal(status = 400, code = "identity.document.check-digit")
@Refusal(status = 400, code = "identity.document.region")
@Refusal(status = 400, code = "identity.document.birth-date")
@Refusal(status = 400, code = "appeals.identity.name.required")
@Refusal(status = 400, code = "appeals.identity.name.too-long")
@Refusal(status = 400, code = "appeals.identity.name.invalid")
@Refusal(status = 400, code = "appeals.evidence.required")
@Refusal(status = 422, code = "citizen.identity.not-verified")
@Refusal(status = 409, code = "appeals.identity.registered")
@Refusal(status = 429, code = "citizen.identity.too-many-attempts")
@Refusal(status = 403, code = "appeals.not-registered")
@Refusal(status = 409, code = "appeals.already-open")
@Refusal(status = 429, code = PersonWriteLimits.CODE)
@interface AppealFilingRefusals {}
