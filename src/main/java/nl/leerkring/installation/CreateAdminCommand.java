package nl.leerkring.installation;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import nl.leerkring.Main;
import nl.leerkring.MainVerticle;
import nl.leerkring.account.PasswordPolicy;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.Callers;
import nl.leerkring.account.UserStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Settings;
import nl.leerkring.web.ContractValidation;
import nl.leerkring.web.Forms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar leerkring.jar create-admin}: an installation administrator from the command line, on the
 * store the settings name. With the embedded store the server must be stopped first: it holds the file.
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
    description = "Creates an installation administrator, who adds companies and their first admins.")
public final class CreateAdminCommand implements Callable<Integer> {

  @ParentCommand
  private Main leerkring;

  @Option(names = "--login", required = true, description = "The login: 3-60 letters, digits, . _ @ + or -.")
  private String login;

  @Option(names = "--name", required = true, description = "The name others see.")
  private String name;

  @Option(names = "--password", required = true, interactive = true, arity = "0..1",
      description = "Asked for when given without a value (read from standard input when there is no terminal).")
  private char[] password;

  @Override
  public Integer call() {
    Vertx vertx = Vertx.vertx();
    JsonObject body = new JsonObject().put("login", login).put("displayName", name).put("password", new String(password));
    try {
      JsonObject admin = OpenAPIContract.from(vertx, MainVerticle.CONTRACT)
          // The same rules as the setup page: the contract's operation for it checks the fields.
          .compose(contract -> new Forms(new ContractValidation(vertx, contract)).check("completeSetup",
              Map.of("token", "command-line-has-no-token"), body))
          .compose(valid -> Settings.load(vertx, leerkring.deploymentConfig())
              .compose(settings -> Database.open(vertx, settings, Clock.systemUTC())
              .compose(db -> new InstallationService(db,
                  new UserStore(db, new Callers(vertx, db.broadcasts(), db.clock())), new Passwords(vertx, settings.passwordIterations()),
                  new PasswordPolicy(vertx), null, null,
                  settings.dataDir().resolve("backups"))
                  .createAdmin(valid)
                  .eventually(db::close))))
          .await();
      System.out.println("Installation administrator '" + admin.getString("login") + "' created. Log in and open /installation.");
      return 0;
    } catch (Problem problem) {
      System.err.println(problem.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println("Could not create the administrator: " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }
}
