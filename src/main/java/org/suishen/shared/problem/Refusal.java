package org.suishen.shared.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an API operation can answer: its HTTP status and stable problem code. The OpenAPI
 * document lists each under the status, with the Chinese and English message as an example (see
 * {@code security.ApiDocumentation}); the refusals every operation shares (log-in, role, CSRF,
 * malformed body) are added there and need not be repeated. Refusals several operations share may
 * be gathered on an annotation of their own, which the operations then carry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Refusal.List.class)
public @interface Refusal {

  /** The HTTP status, e.g. 404. */
  int status();

  /** The stable problem code, e.g. {@code appeals.not-found}. */
  String code();

  /** The refusals of one operation. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @interface List {
    Refusal[] value();
  }
}
