package org.suishen.declaration;

/** Symptoms a person declares (健康信息登记, 004 §07). Declaring none is an explicit choice. */
public enum Symptom {
  FEVER,
  COUGH,
  FATIGUE,
  SORE_THROAT,
  LOSS_OF_TASTE_OR_SMELL
}
