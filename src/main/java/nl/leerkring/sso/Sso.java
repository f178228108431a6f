package nl.leerkring.sso;

import io.vertx.core.Vertx;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.UserStore;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Settings;

/** Company sign-in with OpenID Connect, built once: the admin's settings and the sign-in itself. */
public record Sso(SsoSettings settings, SsoSignIn signIn) {

  /** The one redirect URI of the installation, which each company registers at its provider. */
  public static final String CALLBACK = "/login/sso/callback";

  public static Sso create(Vertx vertx, Database db, Settings settings, UserStore users, AccountService accounts,
                           AuditTrail audit) {
    String redirectUri = settings.publicUrl().replaceAll("/+$", "") + CALLBACK;
    SecretBox secrets = new SecretBox(vertx, settings.secretsKey(), settings.dataDir());
    SsoProviderStore providers = new SsoProviderStore(db);
    ProviderClient client = new ProviderClient(vertx, secrets);
    return new Sso(
        new SsoSettings(db, providers, client, secrets, audit, redirectUri),
        new SsoSignIn(db, providers, new SsoFlows(db), new SsoLinks(db), client, users, accounts, audit, redirectUri));
  }
}
