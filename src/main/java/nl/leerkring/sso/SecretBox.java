package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import nl.leerkring.platform.Problem;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A company's client secret at rest: AES-256-GCM under the installation's key, so that a copy of the store (a
 * backup, an export of the collection) does not give the secret away. The key is the {@code secretsKey} setting
 * (base64 of 32 bytes; every process of one installation needs the same) or else a key file the server makes in
 * its data directory on first use.
 */
final class SecretBox {

  static final String KEY_FILE = "secrets.key";
  private static final String VERSION = "v1";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final String configuredKey;
  private final Path keyFile;
  private Future<SecretKeySpec> key;

  SecretBox(Vertx vertx, String configuredKey, Path dataDir) {
    this.vertx = vertx;
    this.configuredKey = configuredKey == null ? "" : configuredKey.strip();
    this.keyFile = dataDir.resolve(KEY_FILE);
  }

  Future<String> seal(String plain) {
    return key().map(k -> {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      try {
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, k, iv).doFinal(plain.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return VERSION + "." + b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is part of every JDK", e);
      }
    });
  }

  /** Fails with a problem the sign-in page explains when the key is not the one the secret was sealed with. */
  Future<String> open(String sealed) {
    return key().map(k -> {
      String[] parts = sealed.split("\\.");
      if (parts.length != 3 || !VERSION.equals(parts[0])) {
        throw unreadable();
      }
      Base64.Decoder b64 = Base64.getDecoder();
      try {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, k, b64.decode(parts[1])).doFinal(b64.decode(parts[2]));
        return new String(plain, StandardCharsets.UTF_8);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw unreadable();
      }
    });
  }

  private static Problem unreadable() {
    return SsoProblems.failure(500, "secret_unreadable",
        "The client secret cannot be read with this server's secretsKey; the company admin must enter it again.");
  }

  private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(128, iv));
    return cipher;
  }

  /** Read (or made) once, off the event loop. */
  private synchronized Future<SecretKeySpec> key() {
    if (key == null || key.failed()) {
      key = vertx.executeBlocking(() -> new SecretKeySpec(keyBytes(), "AES"), false);
    }
    return key;
  }

  private byte[] keyBytes() throws Exception {
    if (!configuredKey.isEmpty()) {
      return checked(Base64.getDecoder().decode(configuredKey), "the secretsKey setting");
    }
    if (!Files.exists(keyFile)) {
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      Path written = Files.writeString(keyFile.resolveSibling(KEY_FILE + "." + RANDOM.nextInt(1_000_000)),
          Base64.getEncoder().encodeToString(fresh));
      try {
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the data directory's own permissions protect it.
      }
      try {
        Files.move(written, keyFile);
      } catch (FileAlreadyExistsException e) {
        // Another process of this installation made it first: use theirs.
        Files.delete(written);
      }
    }
    return checked(Base64.getDecoder().decode(Files.readString(keyFile).strip()), keyFile.toString());
  }

  private static byte[] checked(byte[] key, String source) {
    if (key.length != 32) {
      throw new IllegalStateException(source + " must be the base64 of 32 bytes (openssl rand -base64 32)");
    }
    return key;
  }
}
