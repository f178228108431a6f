package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import nl.leerkring.platform.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Talks to a company's provider through Vert.x's OpenID Connect client, discovered afresh for each step of a
 * sign-in (the provider's keys and endpoints are then never stale) and closed after it, which also stops the
 * key refresh timer discovery starts. Sign-ins are rare next to page views, so the two discoveries per sign-in
 * cost little.
 */
final class ProviderClient {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderClient.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int IDLE_TIMEOUT_SECONDS = 10;

  private final Vertx vertx;
  private final SecretBox secrets;

  ProviderClient(Vertx vertx, SecretBox secrets) {
    this.vertx = vertx;
    this.secrets = secrets;
  }

  /** Whether an OpenID Connect provider answers at this issuer; a field problem on the settings form if not. */
  Future<Void> check(String issuer, String clientId) {
    return discover(issuer, clientId, null)
        .<Void>map(client -> {
          client.close();
          return null;
        })
        .recover(error -> {
          LOG.info("No OpenID Connect discovery at {}: {}", issuer, error.getMessage());
          return Future.failedFuture(Problem.invalidField("issuer", "unreachable",
              "No OpenID Connect provider answers at " + issuer + "/.well-known/openid-configuration."));
        });
  }

  /** Runs {@code use} with a client for the company's provider, then closes it. */
  <T> Future<T> with(SsoProvider provider, Function<OAuth2Auth, Future<T>> use) {
    return secrets.open(provider.sealedSecret())
        .compose(secret -> discover(provider.issuer(), provider.clientId(), secret).recover(error -> {
          LOG.warn("The identity provider of organisation {} at {} cannot be reached: {}", provider.organisationId(),
              provider.issuer(), error.getMessage());
          return Future.failedFuture(SsoProblems.failure(502, "unreachable",
              "Your company's sign-in service cannot be reached right now."));
        }))
        .compose(client -> {
          Future<T> used;
          try {
            used = use.apply(client);
          } catch (RuntimeException e) {
            used = Future.failedFuture(e);
          }
          return used.andThen(done -> client.close());
        });
  }

  private Future<OAuth2Auth> discover(String issuer, String clientId, String secret) {
    OAuth2Options options = new OAuth2Options()
        .setSite(issuer)
        .setClientId(clientId)
        .setClientSecret(secret)
        .setHttpClientOptions(new HttpClientOptions()
            .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
            .setIdleTimeout(IDLE_TIMEOUT_SECONDS));
    return OpenIDConnectAuth.discover(vertx, options);
  }
}
