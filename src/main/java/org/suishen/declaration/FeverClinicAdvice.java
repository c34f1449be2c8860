package org.suishen.declaration;

import org.springframework.stereotype.Component;
import org.suishen.declaration.internal.DeclarationProperties;

/**
 * Policy (issue 11): a person whose latest declaration reports a symptom, or a temperature from
 * {@code suishen.declaration.fever-from} (37.3 °C) on, is told at once to go to a fever clinic: in
 * the declaration's answer and on the code page, whatever the colour (the colour follows only if
 * the city turns the status engine's symptoms rule on).
 */
@Component
public class FeverClinicAdvice {

  private final DeclarationProperties properties;

  FeverClinicAdvice(DeclarationProperties properties) {
    this.properties = properties;
  }

  public boolean advises(HealthDeclaration declaration) {
    return !declaration.symptoms().isEmpty()
        || declaration.temperature().compareTo(properties.feverFrom()) >= 0;
  }
}
