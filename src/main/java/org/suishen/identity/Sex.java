package org.suishen.identity;

public enum Sex {
  MALE,
  FEMALE
}
