package org.suishen.citizen.sms;

/** The SMS gateway could not be reached or refused the message. */
public class SmsDeliveryException extends RuntimeException {

  public SmsDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }

  public SmsDeliveryException(String message) {
    super(message);
  }
}
