package nl.leerkring.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.Broadcasts;
import nl.leerkring.web.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Who is behind a login cookie, kept for a short while so that a request does not read the login and the
 * person again. Whatever ends a login or changes a person drops them here at once and, through
 * {@link Broadcasts}, in every other server process as soon as the news arrives there.
 */
public final class Callers {

  static final String CHANGED = "callers.changed";
  private static final Duration KEPT = Duration.ofSeconds(30);
  private static final int MOST = 10_000;

  private record Known(Caller caller, Instant loginExpires) {
  }

  private final Broadcasts broadcasts;
  private final Clock clock;
  /** By the hash of the cookie's secret, as the login is stored. */
  private final Cache<String, Known> byLogin = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(MOST).build();

  public Callers(Vertx vertx, Broadcasts broadcasts, Clock clock) {
    this.broadcasts = broadcasts;
    this.clock = clock;
    vertx.eventBus().<JsonObject>consumer(CHANGED, message -> forget(message.body()));
  }

  /** The caller of a live login, or null when it is not known here (or its login has run out). */
  Caller get(String loginKey) {
    Known known = byLogin.getIfPresent(loginKey);
    return known == null || !known.loginExpires().isAfter(clock.instant()) ? null : known.caller();
  }

  void remember(String loginKey, Caller caller, Instant loginExpires) {
    byLogin.put(loginKey, new Known(caller, loginExpires));
  }

  /** After a change to a person: their memberships, roles, name or language, or their account gone. */
  public Future<Void> changed(String userId) {
    return tell(new JsonObject().put("userId", userId));
  }

  Future<Void> loginEnded(String loginKey) {
    return tell(new JsonObject().put("login", loginKey));
  }

  private Future<Void> tell(JsonObject change) {
    forget(change);
    return broadcasts.publish(CHANGED, change);
  }

  private void forget(JsonObject change) {
    String login = change.getString("login");
    if (login != null) {
      byLogin.invalidate(login);
    }
    String userId = change.getString("userId");
    if (userId != null) {
      byLogin.asMap().values().removeIf(known -> known.caller().userId().equals(userId));
    }
  }
}
