package nl.leerkring.installation;

import org.junit.jupiter.api.parallel.ResourceLock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.Main;
import nl.leerkring.MainVerticle;
import nl.leerkring.support.LogCapture;
import nl.leerkring.support.Mails;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.mail.internet.MimeMessage;
import picocli.CommandLine;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release's first start, as an operator lives it: no demo, no account with a known password; the setup link
 * in the log makes the installation administrator, who adds a company whose first admin joins by link.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Installation: the first administrator, companies and their first admins")
@ResourceLock("the setup link in the log")
class InstallationTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);
  private static final Pattern SETUP_LINK = Pattern.compile("/setup/([A-Za-z0-9_-]{20,})");
  private static TestServer server;
  private static String setupToken;
  private static Person installationAdmin;
  private static String companyAdminLink;

  @BeforeAll
  static void start(Vertx vertx) {
    try (LogCapture log = LogCapture.of(MainVerticle.class)) {
      server = TestServer.start(vertx, TestServer.temporaryDataDir(), "", false, new MutableClock(), new JsonObject()
          .put("smtpHost", "127.0.0.1").put("smtpPort", SMTP.getSmtp().getPort()));
      Matcher link = log.lines().stream().map(SETUP_LINK::matcher).filter(Matcher::find).findFirst()
          .orElseThrow(() -> new AssertionError("no setup link in the log: " + log.lines()));
      setupToken = link.group(1);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  @DisplayName("A store started without the demo has no demo login")
  void noDemo() {
    server.anonymous().post("/auth/login", new JsonObject().put("login", "sanne").put("password", "welkom2026"))
        .expect(401);
  }

  @Test
  @Order(2)
  @DisplayName("The setup link's page asks for name, login and password; a short password is refused and the link still works")
  void setupPage() {
    Person visitor = server.anonymous();
    Response page = visitor.page("/setup/" + setupToken).expect(200);
    assertTrue(page.body().contains("name=\"password\""), page::body);
    visitor.page("/setup/NoSuchSetupTokenAtAllInThisStore").expect(404);

    Response refused = visitor.post("/setup/" + setupToken, admin("wim", "kort"));
    assertEquals("password", refused.expect(400).json().getJsonObject("error").getJsonObject("details").getString("field"));
    visitor.page("/setup/" + setupToken).expect(200);
  }

  @Test
  @Order(3)
  @DisplayName("The setup link makes the installation administrator once, logged in at once")
  void setupOnce() {
    Person wim = server.anonymous();
    JsonObject me = wim.post("/setup/" + setupToken, admin("wim", "beheer-sleutel-kastanje-42")).expect(201).json();
    installationAdmin = wim.adopt(me);
    assertTrue(me.getBoolean("installationAdmin"));
    assertEquals(me.getString("id"), wim.get("/me").ok().getString("id"));
    server.anonymous().post("/setup/" + setupToken, admin("someone", "beheer-sleutel-kastanje-42")).expect(404);
    server.login("wim", "beheer-sleutel-kastanje-42").get("/me").expect(200);
  }

  @Test
  @Order(4)
  @DisplayName("The installation administrator adds a company; bad input and a second company of the same name store nothing")
  void addCompany() {
    Response missing = installationAdmin.post("/installation/organisations",
        new JsonObject().put("admin", new JsonObject().put("displayName", "Eva")));
    assertEquals("name", missing.expect(400).json().getJsonObject("error").getJsonObject("details").getString("field"));
    Response noAdminName = installationAdmin.post("/installation/organisations", new JsonObject()
        .put("name", "Bakkerij Brood").put("admin", new JsonObject().put("displayName", "")));
    assertTrue(noAdminName.expect(400).json().getJsonObject("error").getJsonObject("details").getString("field")
        .startsWith("admin"), noAdminName::body);
    Response badAddress = installationAdmin.post("/installation/organisations", new JsonObject()
        .put("name", "Bakkerij Brood").put("admin", new JsonObject().put("displayName", "Eva").put("email", "geen-adres")));
    assertEquals("email", badAddress.expect(400).json().getJsonObject("error").getJsonObject("details").getString("field"));
    assertEquals(0, installationAdmin.get("/installation/organisations").expect(200).array().size());

    JsonObject created = installationAdmin.post("/installation/organisations", new JsonObject()
        .put("name", "Bakkerij Brood").put("admin", new JsonObject().put("displayName", "Eva de Graaf")
            .put("email", "eva@brood.nl"))).expect(201).json();
    companyAdminLink = created.getJsonObject("adminInvitation").getString("token");
    assertTrue(created.getJsonObject("adminInvitation").getString("url").endsWith("/join/" + companyAdminLink));
    MimeMessage mail = Mails.await(SMTP, 1).get(0);
    assertEquals("eva@brood.nl", Mails.recipient(mail));
    assertEquals("Beheer van Bakkerij Brood in Leerkring", Mails.subject(mail));
    assertEquals("/join/" + companyAdminLink, Mails.linkPath(Mails.text(mail), "/join/"));
    assertTrue(Mails.text(mail).contains("Eva de Graaf") && Mails.text(mail).contains("Bakkerij Brood"), Mails.text(mail));

    assertEquals("organisation_exists", installationAdmin.post("/installation/organisations", new JsonObject()
        .put("name", "  bakkerij   BROOD ").put("admin", new JsonObject().put("displayName", "Iemand")))
        .expect(409).errorCode());
    JsonArray organisations = installationAdmin.get("/installation/organisations").expect(200).array();
    assertEquals(1, organisations.size(), organisations::encode);
    assertEquals("Bakkerij Brood", organisations.getJsonObject(0).getString("name"));
  }

  @Test
  @Order(5)
  @DisplayName("The first company admin joins by the link, administers the company and starts its first community")
  void firstCompanyAdmin() {
    Person eva = server.anonymous();
    JsonObject preview = eva.get("/invitations/" + companyAdminLink).ok();
    assertEquals("companyAdmin", preview.getString("kind"));
    assertEquals("Bakkerij Brood", preview.getString("title"));
    JsonObject me = eva.post("/invitations/" + companyAdminLink + "/accept", new JsonObject()
        .put("displayName", "Eva de Graaf").put("username", "eva@brood.nl").put("password", "zuurdesem-oven-kneden-7"))
        .ok();
    eva.adopt(me);
    String organisationId = me.getString("organisationId");
    assertEquals(new JsonArray().add(organisationId), me.getJsonArray("adminOf"));
    assertFalse(me.getBoolean("installationAdmin"));

    eva.get("/organisations/" + organisationId).expect(200);
    eva.post("/communities", new JsonObject().put("organisationId", organisationId).put("challenge", new JsonObject()
        .put("title", "Minder brood weggooien").put("description", "Elke avond gaat er te veel brood weg."))).expect(201);
    eva.get("/installation/organisations").expect(403);
    String trail = eva.get("/organisations/" + organisationId + "/audit").expect(200).body();
    assertTrue(trail.contains("company.created") && trail.contains("admin.invited") && trail.contains("invitation.used"),
        trail);
    server.anonymous().post("/invitations/" + companyAdminLink + "/accept", new JsonObject()
        .put("displayName", "X").put("username", "nog.iemand").put("password", "zuurdesem-oven-kneden-7")).expect(409);
  }

  @Test
  @Order(6)
  @DisplayName("The installation administrator backs up the running store; restored into an empty directory, a new server knows the company")
  void backupAndRestore(Vertx vertx) {
    server.login("eva@brood.nl", "zuurdesem-oven-kneden-7").post("/installation/backups", null).expect(403);
    JsonObject backup = installationAdmin.post("/installation/backups", null).expect(201).json();
    Path file = Path.of(backup.getString("file"));
    assertTrue(file.startsWith(server.dataDir().resolve("backups").toAbsolutePath()), file::toString);

    Path fresh = TestServer.temporaryDataDir();
    assertEquals(0, new CommandLine(new Main()).execute("restore", "--from", file.toString(), "--data-dir", fresh.toString()));
    try (TestServer restored = TestServer.start(vertx, fresh, false)) {
      JsonArray organisations = restored.login("wim", "beheer-sleutel-kastanje-42").get("/installation/organisations").expect(200).array();
      assertEquals("Bakkerij Brood", organisations.getJsonObject(0).getString("name"));
      restored.login("eva@brood.nl", "zuurdesem-oven-kneden-7").get("/me").expect(200);
    }
  }

  private static JsonObject admin(String login, String password) {
    return new JsonObject().put("login", login).put("displayName", "Wim Bos").put("password", password);
  }
}
