package nl.leerkring.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Secrets are stored only as their SHA-256, so a copy of the database grants no access. */
public final class Hashes {

  private Hashes() {
  }

  public static String sha256(String secret) {
    return sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Also a file's fingerprint. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
