package nl.leerkring.platform;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The server's settings: {@code config/leerkring.json}, then environment variables, then the configuration a
 * caller (a test, an embedding program) passes at deployment, each overriding the one before.
 */
public record Settings(
    String httpHost,
    int httpPort,
    String publicUrl,
    Path dataDir,
    int storeCacheMb,
    String mongoUri,
    String database,
    boolean demo,
    int sessionHours,
    int loginAttemptsPerWindow,
    int loginWindowMinutes,
    int loginAttemptsPerAddress,
    List<String> trustedProxies,
    long maxBodyBytes,
    long maxPhotoBytes,
    Mail mail,
    int schedulerPollMillis,
    int jobLeaseSeconds,
    Operations operations,
    int passwordIterations,
    ZoneId zone,
    String secretsKey,
    int scanThreshold) {

  /**
   * Running it: how long a request may take before it is answered 503 (a photo upload longer), where
   * Prometheus may scrape the metrics without logging in (metricsPort -1: nowhere; 0: any free port), and on
   * how many event loops requests are served (one per core unless set).
   */
  public record Operations(long requestTimeoutMillis, long uploadTimeoutMillis, String metricsHost, int metricsPort,
                           int httpInstances) {
  }

  /**
   * PBKDF2 iterations for new password hashes, as OWASP advises for HMAC-SHA512. Each hash records its own
   * count, so a lower count (the tests use one, to log in quickly) never weakens hashes made with this one.
   */
  public static final int PASSWORD_ITERATIONS = 210_000;
  /** NIST SP 800-132's floor; below it a stolen hash is guessed too cheaply, even on a test server. */
  public static final int MIN_PASSWORD_ITERATIONS = 1_000;

  /**
   * Outgoing mail. Without an SMTP host mail is off: the server runs, and in-app notifications still arrive.
   * A failed send is tried again after retrySeconds, 4, 16, ... times as long, maxAttempts times in all.
   */
  public record Mail(String smtpHost, int smtpPort, String username, String password, String startTls,
                     boolean ssl, String from, int retrySeconds, int maxAttempts) {

    public boolean enabled() {
      return smtpHost != null && !smtpHost.isBlank();
    }
  }

  /**
   * Below this many answers a learning-culture scan shows nothing of a round or a building block; fewer than
   * {@value #MIN_SCAN_THRESHOLD} would let colleagues guess who answered what.
   */
  public static final int SCAN_THRESHOLD = 5;
  private static final int MIN_SCAN_THRESHOLD = 3;

  private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
      Map.entry("LEERKRING_HTTP_HOST", "httpHost"),
      Map.entry("LEERKRING_HTTP_PORT", "httpPort"),
      Map.entry("LEERKRING_PUBLIC_URL", "publicUrl"),
      Map.entry("LEERKRING_DATA_DIR", "dataDir"),
      Map.entry("LEERKRING_STORE_CACHE_MB", "storeCacheMb"),
      Map.entry("LEERKRING_MONGO_URI", "mongoUri"),
      Map.entry("LEERKRING_DATABASE", "database"),
      Map.entry("LEERKRING_DEMO", "demo"),
      Map.entry("LEERKRING_TRUSTED_PROXIES", "trustedProxies"),
      Map.entry("LEERKRING_SMTP_HOST", "smtpHost"),
      Map.entry("LEERKRING_SMTP_PORT", "smtpPort"),
      Map.entry("LEERKRING_SMTP_USERNAME", "smtpUsername"),
      Map.entry("LEERKRING_SMTP_PASSWORD", "smtpPassword"),
      Map.entry("LEERKRING_SMTP_STARTTLS", "smtpStartTls"),
      Map.entry("LEERKRING_SMTP_SSL", "smtpSsl"),
      Map.entry("LEERKRING_MAIL_FROM", "mailFrom"),
      Map.entry("LEERKRING_SCHEDULER_POLL_MILLIS", "schedulerPollMillis"),
      Map.entry("LEERKRING_JOB_LEASE_SECONDS", "jobLeaseSeconds"),
      Map.entry("LEERKRING_METRICS_HOST", "metricsHost"),
      Map.entry("LEERKRING_METRICS_PORT", "metricsPort"),
      Map.entry("LEERKRING_REQUEST_TIMEOUT_MILLIS", "requestTimeoutMillis"),
      Map.entry("LEERKRING_HTTP_INSTANCES", "httpInstances"),
      Map.entry("LEERKRING_PASSWORD_ITERATIONS", "passwordIterations"),
      Map.entry("LEERKRING_ZONE", "zone"),
      Map.entry("LEERKRING_SECRETS_KEY", "secretsKey"),
      Map.entry("LEERKRING_SCAN_THRESHOLD", "scanThreshold"));

  public static Future<Settings> load(Vertx vertx, JsonObject deploymentConfig) {
    String file = deploymentConfig.getString("configFile", "config/leerkring.json");
    ConfigStoreOptions fileStore = new ConfigStoreOptions().setType("file").setOptional(true)
        .setConfig(new JsonObject().put("path", file));
    ConfigStoreOptions envStore = new ConfigStoreOptions().setType("env")
        .setConfig(new JsonObject().put("keys", new JsonArray(ENVIRONMENT.keySet().stream().toList())));
    ConfigRetriever retriever = ConfigRetriever.create(vertx,
        new ConfigRetrieverOptions().setScanPeriod(0).addStore(fileStore).addStore(envStore));
    return retriever.getConfig()
        .onComplete(done -> retriever.close())
        .map(merged -> {
          ENVIRONMENT.forEach((env, key) -> {
            Object value = merged.remove(env);
            if (value != null) {
              merged.put(key, value);
            }
          });
          return from(merged.mergeIn(deploymentConfig));
        });
  }

  static Settings from(JsonObject c) {
    return new Settings(
        c.getString("httpHost", "0.0.0.0"),
        intOf(c, "httpPort", 8080),
        c.getString("publicUrl", "http://localhost:8080"),
        Path.of(c.getString("dataDir", "data")),
        intOf(c, "storeCacheMb", EmbeddedStore.defaultCacheMb()),
        c.getString("mongoUri", ""),
        c.getString("database", "leerkring"),
        Boolean.parseBoolean(String.valueOf(c.getValue("demo", false))),
        intOf(c, "sessionHours", 336),
        intOf(c, "loginAttemptsPerWindow", 10),
        intOf(c, "loginWindowMinutes", 15),
        intOf(c, "loginAttemptsPerAddress", 30),
        trustedProxies(c.getValue("trustedProxies")),
        intOf(c, "maxBodyBytes", 256 * 1024),
        intOf(c, "maxPhotoBytes", 8 * 1024 * 1024),
        new Mail(
            c.getString("smtpHost", ""),
            intOf(c, "smtpPort", 587),
            c.getString("smtpUsername", ""),
            c.getString("smtpPassword", ""),
            c.getString("smtpStartTls", "OPTIONAL"),
            Boolean.parseBoolean(String.valueOf(c.getValue("smtpSsl", false))),
            c.getString("mailFrom", "Leerkring <leerkring@localhost>"),
            intOf(c, "mailRetrySeconds", 60),
            intOf(c, "mailMaxAttempts", 5)),
        intOf(c, "schedulerPollMillis", 5000),
        jobLeaseSeconds(c),
        new Operations(
            intOf(c, "requestTimeoutMillis", 30_000),
            intOf(c, "uploadTimeoutMillis", 120_000),
            c.getString("metricsHost", "127.0.0.1"),
            intOf(c, "metricsPort", -1),
            Math.max(1, intOf(c, "httpInstances", Runtime.getRuntime().availableProcessors()))),
        passwordIterations(c),
        zone(c),
        c.getString("secretsKey", ""),
        scanThreshold(c));
  }

  /** A heartbeat renews a claim every third of the lease; below 3 s a busy process would lose its own jobs. */
  private static int jobLeaseSeconds(JsonObject c) {
    int lease = intOf(c, "jobLeaseSeconds", 30);
    if (lease < 3) {
      throw new IllegalArgumentException("jobLeaseSeconds must be at least 3, not " + lease);
    }
    return lease;
  }

  private static int scanThreshold(JsonObject c) {
    int threshold = intOf(c, "scanThreshold", SCAN_THRESHOLD);
    if (threshold < MIN_SCAN_THRESHOLD) {
      throw new IllegalArgumentException("scanThreshold must be at least " + MIN_SCAN_THRESHOLD + ", not " + threshold);
    }
    return threshold;
  }

  /**
   * The installation's time zone: where a session or prompt planned without a zone takes place, what "today"
   * is, and the zone pages name no further. An IANA id such as Europe/Amsterdam, never an offset.
   */
  private static ZoneId zone(JsonObject c) {
    String zone = c.getString("zone", Times.DEFAULT_ZONE.getId());
    if (!LocalTimes.isRegion(zone)) {
      throw new IllegalArgumentException("zone must be a time zone such as Europe/Amsterdam, not '" + zone + "'");
    }
    return ZoneId.of(zone);
  }

  private static int passwordIterations(JsonObject c) {
    int iterations = intOf(c, "passwordIterations", PASSWORD_ITERATIONS);
    if (iterations < MIN_PASSWORD_ITERATIONS) {
      throw new IllegalArgumentException("passwordIterations must be at least " + MIN_PASSWORD_ITERATIONS
          + ", not " + iterations);
    }
    return iterations;
  }

  /** Proxy addresses whose X-Forwarded-For is believed: a JSON list, or a comma-separated environment variable. */
  private static List<String> trustedProxies(Object value) {
    if (value instanceof JsonArray list) {
      return list.stream().map(String::valueOf).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }
    return value == null ? List.of()
        : Arrays.stream(String.valueOf(value).split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
  }

  /** Environment variables arrive as strings; the JSON file gives numbers. */
  private static int intOf(JsonObject c, String key, int fallback) {
    Object value = c.getValue(key);
    return value == null ? fallback : Integer.parseInt(String.valueOf(value).trim());
  }

  public boolean embeddedStore() {
    return mongoUri == null || mongoUri.isBlank();
  }
}
