package org.suishen.declaration.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.suishen.shared.problem.Refusal;

/**
 * The refusals of a declaration form, the same for oneself and for a dependant (DeclarationRules).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 400, code = "declaration.symptoms.required")
@Refusal(status = 400, code = "declaration.symptoms.unknown")
@Refusal(status = 400, code = "declaration.symptoms.conflict")
@Refusal(status = 400, code = "declaration.temperature.required")
@Refusal(status = 400, code = "declaration.temperature.range")
@Refusal(status = 400, code = "declaration.contact.required")
@Refusal(status = 400, code = "declaration.arrival.required")
@Refusal(status = 400, code = "declaration.region.required")
@Refusal(status = 400, code = "declaration.region.code")
@Refusal(status = 400, code = "declaration.region.date")
@Refusal(status = 400, code = "declaration.region.too-many")
@interface DeclarationFormRefusals {}
