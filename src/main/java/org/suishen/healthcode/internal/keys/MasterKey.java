package org.suishen.healthcode.internal.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.internal.HealthCodeProperties;

/**
 * Encrypts the signing keys' secrets at rest with AES-256-GCM. The master key comes from {@code
 * suishen.healthcode.master-key}; without one the service refuses to start unless {@code
 * generate-master-key} is on (development), in which case it generates one, keeps it in {@code
 * generated-master-key-file} and warns. Each sealed value is bound to its key id and purpose
 * (associated data), so that values cannot be swapped between rows.
 */
@Component
public class MasterKey {

  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
  private static final byte FORMAT = 1;
  private static final int NONCE_LENGTH = 12;
  private static final int KEY_LENGTH = 32;

  private final SecretKey key;
  private final SecureRandom random;

  @org.springframework.beans.factory.annotation.Autowired
  MasterKey(HealthCodeProperties properties) {
    this.random = new SecureRandom();
    this.key = new SecretKeySpec(resolve(properties, random), "AES");
  }

  /** For tests and tools: a master key from its bytes. */
  public MasterKey(byte[] key, SecureRandom random) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("The master key must be 32 bytes");
    }
    this.random = random;
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public byte[] seal(byte[] plain, String context) {
    try {
      var nonce = new byte[NONCE_LENGTH];
      random.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Throws {@link WrongMasterKey} if the value was not sealed with this key and context. */
  public byte[] open(byte[] sealed, String context) {
    if (sealed.length < 1 + NONCE_LENGTH + 16 || sealed[0] != FORMAT) {
      throw new WrongMasterKey(context);
    }
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 1, NONCE_LENGTH));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new WrongMasterKey(context);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static byte[] resolve(HealthCodeProperties properties, SecureRandom random) {
    String configured = properties.masterKey();
    if (configured != null && !configured.isBlank()) {
      byte[] key = decode(configured.strip(), "suishen.healthcode.master-key");
      return key;
    }
    if (!properties.generateMasterKey()) {
      throw new IllegalStateException(
          "No master key: set suishen.healthcode.master-key (environment"
              + " SUISHEN_HEALTHCODE_MASTER_KEY) to the Base64 of 32 random bytes,"
              + " e.g. `openssl rand -base64 32`");
    }
    String file = properties.generatedMasterKeyFile();
    try {
      if (!file.isBlank() && Files.exists(Path.of(file))) {
        log.warn(
            "DEVELOPMENT ONLY: using the generated health-code master key in {}; set"
                + " suishen.healthcode.master-key in production",
            file);
        return decode(Files.readString(Path.of(file)).strip(), file);
      }
      var key = new byte[KEY_LENGTH];
      random.nextBytes(key);
      if (!file.isBlank()) {
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        Files.writeString(path, Base64.getEncoder().encodeToString(key));
        try {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system; the folder's own protection applies
        }
      }
      log.warn(
          "DEVELOPMENT ONLY: no suishen.healthcode.master-key configured; generated one{}."
              + " Production must configure its own master key.",
          file.isBlank() ? " in memory (lost on restart)" : " and kept it in " + file);
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot keep the generated master key in " + file, e);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not Base64");
    }
    if (key.length != KEY_LENGTH) {
      throw new IllegalStateException(where + " must be 32 bytes (Base64 of 32 random bytes)");
    }
    return key;
  }

  /**
   * A sealed value could not be opened: the configured master key is not the one that sealed it.
   */
  public static final class WrongMasterKey extends IllegalStateException {
    WrongMasterKey(String context) {
      super(
          "Cannot decrypt "
              + context
              + ": the configured suishen.healthcode.master-key is not the key the signing keys"
              + " were encrypted with");
    }
  }
}
