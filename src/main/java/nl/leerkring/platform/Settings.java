package nl.leerkring.platform;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
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
    long maxBodyBytes,
    long maxPhotoBytes) {

  private static final Map<String, String> ENVIRONMENT = Map.of(
      "LEERKRING_HTTP_HOST", "httpHost",
      "LEERKRING_HTTP_PORT", "httpPort",
      "LEERKRING_PUBLIC_URL", "publicUrl",
      "LEERKRING_DATA_DIR", "dataDir",
      "LEERKRING_STORE_CACHE_MB", "storeCacheMb",
      "LEERKRING_MONGO_URI", "mongoUri",
      "LEERKRING_DATABASE", "database",
      "LEERKRING_DEMO", "demo");

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
        intOf(c, "storeCacheMb", EmbeddedStore.DEFAULT_CACHE_MB),
        c.getString("mongoUri", ""),
        c.getString("database", "leerkring"),
        Boolean.parseBoolean(String.valueOf(c.getValue("demo", true))),
        intOf(c, "sessionHours", 336),
        intOf(c, "loginAttemptsPerWindow", 10),
        intOf(c, "loginWindowMinutes", 15),
        intOf(c, "maxBodyBytes", 256 * 1024),
        intOf(c, "maxPhotoBytes", 8 * 1024 * 1024));
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
