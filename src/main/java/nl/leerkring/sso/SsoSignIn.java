package nl.leerkring.sso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.UserStore;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Hashes;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Signing in with the company's identity provider: the authorization code flow with PKCE, a state bound to the
 * browser that started it and a nonce bound to the ID token. The person is found by an earlier link, else by
 * the verified e-mail address that is their login in that company, else they prove an existing account with
 * its password once. Only then does a Leerkring login start; a refusal anywhere leaves nothing behind.
 */
public final class SsoSignIn {

  static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(SsoSignIn.class);
  private static final List<String> SCOPES = List.of("openid", "email", "profile");

  private final Database db;
  private final SsoProviderStore providers;
  private final SsoFlows flows;
  private final SsoLinks links;
  private final ProviderClient client;
  private final UserStore users;
  private final AccountService accounts;
  private final AuditTrail audit;
  private final String redirectUri;

  SsoSignIn(Database db, SsoProviderStore providers, SsoFlows flows, SsoLinks links, ProviderClient client,
            UserStore users, AccountService accounts, AuditTrail audit, String redirectUri) {
    this.db = db;
    this.providers = providers;
    this.flows = flows;
    this.links = links;
    this.client = client;
    this.users = users;
    this.accounts = accounts;
    this.audit = audit;
    this.redirectUri = redirectUri;
  }

  /** Where the browser goes next, and the secret its cookie keeps so that only this browser can come back. */
  public record Started(String authorizationUrl, String browserSecret) {
  }

  /**
   * How a way back from the provider ends: signed in as {@code user}, or waiting for the person to prove an
   * account ({@code linkSecret} goes in their cookie; {@code email} is what the provider said).
   */
  public record Outcome(JsonObject user, String next, String linkSecret, String email) {

    static Outcome signedIn(JsonObject user, String next) {
      return new Outcome(user, next, null, null);
    }

    public boolean signedIn() {
      return user != null;
    }
  }

  /** Sends a person to their company's provider, found by the domain of the address they typed. */
  public Future<Started> start(String email, String next) {
    String domain;
    try {
      domain = Domains.ofAddress(email);
    } catch (Problem problem) {
      return Future.failedFuture(problem);
    }
    return providers.organisationOf(domain)
        .compose(organisationId -> organisationId == null ? Future.<SsoProvider>succeededFuture()
            : providers.of(organisationId))
        .compose(provider -> {
          if (provider == null || !provider.domains().contains(domain)) {
            throw Problem.invalidField("email", "unknown_domain",
                "No company sign-in is set up for " + domain + ". Log in with your username and password.");
          }
          String state = Ids.newSecret();
          String browser = Ids.newSecret();
          String verifier = Ids.newSecret();
          String nonce = Ids.newSecret();
          SsoFlows.SignIn flow = new SsoFlows.SignIn(provider.organisationId(), nonce, verifier, next,
              Hashes.sha256(browser), db.clock().instant().plus(FLOW_LIFETIME));
          return client.with(provider, oidc -> flows.start(state, flow).map(x -> oidc.authorizeURL(
                  new OAuth2AuthorizationURL()
                      .setRedirectUri(redirectUri)
                      .setScopes(SCOPES)
                      .setState(state)
                      .setCodeChallenge(challenge(verifier))
                      .setCodeChallengeMethod("S256")
                      .setLoginHint(email.strip())
                      .putAdditionalParameter("nonce", nonce))))
              .map(url -> new Started(url, browser))
              .andThen(done -> flows.removeExpired()
                  .onFailure(error -> LOG.warn("Could not remove expired sign-in flows", error)));
        });
  }

  /**
   * The way back: {@code state}, {@code code} and {@code error} as the provider sent them, {@code browserSecret}
   * from the cookie of the browser that started the sign-in.
   */
  public Future<Outcome> finish(String state, String code, String error, String browserSecret) {
    if (state == null || state.isBlank()) {
      return Future.failedFuture(SsoProblems.refused("state_unknown", "This sign-in was not started here."));
    }
    return flows.take(state).compose(flow -> {
      if (flow == null) {
        throw SsoProblems.refused("state_used", "This sign-in was already used, or was never started.");
      }
      if (flow.expiresAt().isBefore(db.clock().instant())) {
        throw SsoProblems.refused("state_expired", "This sign-in took too long.");
      }
      if (browserSecret == null || !flow.browserHash().equals(Hashes.sha256(browserSecret))) {
        throw SsoProblems.refused("other_browser", "This sign-in was started in another browser.");
      }
      if (error != null) {
        throw SsoProblems.refused("provider_refused", "The provider did not sign you in: " + error);
      }
      if (code == null || code.isBlank()) {
        throw SsoProblems.refused("state_unknown", "The provider sent no code.");
      }
      return providers.of(flow.organisationId()).compose(provider -> {
        if (provider == null) {
          throw SsoProblems.refused("not_configured", "Your company no longer signs in here.");
        }
        return client.with(provider, oidc -> oidc.authenticate(new Oauth2Credentials()
                    .setFlow(OAuth2FlowType.AUTH_CODE)
                    .setCode(code)
                    .setRedirectUri(redirectUri)
                    .setCodeVerifier(flow.codeVerifier()))
                .recover(failure -> {
                  LOG.info("Sign-in for organisation {} refused by the token endpoint: {}", provider.organisationId(),
                      failure.getMessage());
                  return Future.failedFuture(notConfirmed());
                }))
            .compose(user -> identify(provider, flow, user));
      });
    });
  }

  private Future<Outcome> identify(SsoProvider provider, SsoFlows.SignIn flow, User user) {
    JsonObject idToken = user.attributes().getJsonObject("idToken");
    String wrong = IdTokenCheck.problem(idToken, provider, flow.nonce(), db.clock().instant());
    if (wrong != null) {
      LOG.info("Sign-in for organisation {} refused, its ID token fails the check: {}", provider.organisationId(),
          wrong);
      return Future.failedFuture(notConfirmed());
    }
    String subject = idToken.getString("sub");
    Object claimed = idToken.getValue("email");
    String email = claimed instanceof String text ? text.strip() : null;
    String domain = Domains.ofVerified(email);
    // A provider vouches for its own company's addresses only, whatever else it verified.
    String verified = IdTokenCheck.emailVerified(idToken) && domain != null && provider.domains().contains(domain)
        ? email : null;
    return links.userOf(provider.organisationId(), provider.issuer(), subject)
        .compose(userId -> userId == null ? Future.<JsonObject>succeededFuture() : users.byId(userId))
        .compose(linked -> {
          if (belongs(linked, provider.organisationId())) {
            return Future.succeededFuture(Outcome.signedIn(linked, flow.next()));
          }
          return byVerifiedEmail(provider, subject, verified, flow.next())
              .compose(found -> found != null ? Future.succeededFuture(found)
                  : awaitLink(provider, subject, email, flow.next()));
        });
  }

  /** The account whose login is this verified address in this company, linked from now on; or null. */
  private Future<Outcome> byVerifiedEmail(SsoProvider provider, String subject, String email, String next) {
    if (email == null) {
      return Future.succeededFuture();
    }
    return users.byLogin(email).compose(user -> !belongs(user, provider.organisationId())
        ? Future.<Outcome>succeededFuture()
        : db.writes().apply(linkSteps(provider.issuer(), subject, user, provider.organisationId(), "email"))
            .map(x -> Outcome.signedIn(user, next)));
  }

  private Future<Outcome> awaitLink(SsoProvider provider, String subject, String email, String next) {
    String secret = Ids.newSecret();
    SsoFlows.PendingLink link = new SsoFlows.PendingLink(provider.organisationId(), provider.issuer(), subject,
        email == null ? "" : email, next, db.clock().instant().plus(FLOW_LIFETIME));
    return flows.await(secret, link).map(x -> new Outcome(null, next, secret, link.email()));
  }

  /** The address the provider named for a person waiting to link an account; fails when that wait is over. */
  public Future<String> pendingEmail(String linkSecret) {
    return pending(linkSecret).map(SsoFlows.PendingLink::email);
  }

  /**
   * Links the provider's person to the account whose login and password they give (throttled like any login),
   * if that account is of the same company; then they are signed in.
   */
  public Future<Outcome> link(String linkSecret, String login, String password, String address) {
    return pending(linkSecret).compose(link -> accounts.authenticate(login, password, address).compose(user -> {
      if (!belongs(user, link.organisationId())) {
        throw Problem.invalidField("login", "other_company",
            "This account is not of the company whose sign-in you used.");
      }
      return db.writes().apply(linkSteps(link.issuer(), link.subject(), user, link.organisationId(), "password"))
          .compose(x -> flows.end(linkSecret))
          .map(x -> Outcome.signedIn(user, link.next()));
    }));
  }

  private Future<SsoFlows.PendingLink> pending(String linkSecret) {
    if (linkSecret == null || linkSecret.isBlank()) {
      return Future.failedFuture(linkExpired());
    }
    return flows.pending(linkSecret).map(link -> {
      if (link == null || link.expiresAt().isBefore(db.clock().instant())) {
        throw linkExpired();
      }
      return link;
    });
  }

  private List<Step> linkSteps(String issuer, String subject, JsonObject user, String organisationId, String how) {
    List<Step> steps = new ArrayList<>();
    steps.add(SsoLinks.linked(issuer, subject, user.getString("_id"), organisationId, db.now()));
    steps.addAll(audit.steps(organisationId, user.getString("_id"), "sso.linked", user.getString("_id"),
        new JsonObject().put("issuer", issuer).put("by", how)));
    return steps;
  }

  private static boolean belongs(JsonObject user, String organisationId) {
    return user != null && !user.getBoolean("erased", false) && organisationId.equals(user.getString("organisationId"));
  }

  private static Problem notConfirmed() {
    return SsoProblems.refused("not_confirmed", "Your company's sign-in could not be confirmed.");
  }

  private static Problem linkExpired() {
    return SsoProblems.refused("link_expired", "This sign-in took too long or was already finished.");
  }

  /** PKCE's S256: the provider gets the hash now and the verifier only with the code. */
  static String challenge(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
