package nl.leerkring.community;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import nl.leerkring.platform.Hashes;
import nl.leerkring.scan.QuestionSets;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.leerkring.community.AuthorizationMatrixTest.Role.ANONYMOUS;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.BRAM;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.COMPANY_ADMIN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.COMPANY_TOKEN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.EXPIRED_TOKEN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.FACILITATOR;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.FOREIGN_ADMIN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.FOREIGN_EMPLOYEE;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.INSTALLATION_ADMIN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.KEES;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.LECTURER;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.MANAGER;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.NEWCOMER;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.PARTICIPANT;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.QUESTIONS_TOKEN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.READ_TOKEN;
import static nl.leerkring.community.AuthorizationMatrixTest.Role.REVOKED_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks every operation of the API against every role, in the demo's own company (Van Dijk, community
 * demo-warmtepomp) and in a foreign one (Zorggroep De Linde, community demo-tilliften), over HTTP against a
 * real server. Rows run top to bottom and their cells in the order of {@link Role}, so the writes that succeed
 * come after the ones that must be refused, and a write that changes the demo (closing a cycle, removing a
 * member, logging out) comes last.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Authorization: every API operation, for every role, in its own company and in a foreign one")
class AuthorizationMatrixTest {

  private static final String CONTRACT = "webroot/api/openapi.yaml";
  private static final String PASSWORD = "welkom2026";
  private static final String WARMTEPOMP = "/communities/demo-warmtepomp";
  private static final String TILLIFTEN = "/communities/demo-tilliften";
  private static final String UNKNOWN_TOKEN = "AbsolutelyNoSuchInvitationToken0123";
  private static final List<String> PRIVATE_DEMO_NOTES = List.of("demo-n-reflection", "demo-n-answer-bram");

  /** Who calls. The first eight are the matrix; the others appear only where a rule needs them. */
  enum Role {
    ANONYMOUS("an anonymous visitor", null, "demo-sanne", true),
    FOREIGN_EMPLOYEE("foreign employee Anouk (De Linde)", "anouk", "demo-anouk", true),
    FOREIGN_ADMIN("foreign company admin Marloes (De Linde)", "hr@zorggroep-delinde.nl", "demo-marloes", true),
    // Van Dijk's manager Erik (issue 12.2): a member of no community, he reads only what his people share with
    // him, and the harvest reports and scan results of their community.
    MANAGER("manager Erik (Van Dijk), of Sanne and Mehmet", "manager@vandijk-installatie.nl", "demo-erik", true),
    PARTICIPANT("participant Sanne", "sanne", "demo-sanne", true),
    LECTURER("lecturer Ruben", "r.mulder@hogeschool-oost.nl", "demo-ruben", true),
    COMPANY_ADMIN("company admin Ingrid (Van Dijk)", "hr@vandijk-installatie.nl", "demo-ingrid", true),
    FACILITATOR("facilitator Fenna", "fenna@leerwerkplaats.nl", "demo-fenna", true),
    KEES("Kees, author of a private reflection", "kees", "demo-kees", false),
    BRAM("Bram, author of a private prompt answer", "bram", "demo-bram", false),
    NEWCOMER("a newcomer who joined by link", null, null, false),
    INSTALLATION_ADMIN("installation administrator Wim", "beheer", "demo-wim", false),
    READ_TOKEN("Sanne's read-only API token", null, "demo-sanne", false),
    QUESTIONS_TOKEN("Sanne's API token for questions only", null, "demo-sanne", false),
    REVOKED_TOKEN("Sanne's revoked API token", null, "demo-sanne", false),
    EXPIRED_TOKEN("Sanne's expired API token", null, "demo-sanne", false),
    COMPANY_TOKEN("Van Dijk's read-only company token (made by Ingrid)", null, "demo-ingrid", false);

    static final List<Role> TOKENS = List.of(READ_TOKEN, QUESTIONS_TOKEN, REVOKED_TOKEN, EXPIRED_TOKEN, COMPANY_TOKEN);

    final String label;
    final String login;
    final String userId;
    final boolean core;

    Role(String label, String login, String userId, boolean core) {
      this.label = label;
      this.login = login;
      this.userId = userId;
      this.core = core;
    }

    static Set<Role> core() {
      return Arrays.stream(values()).filter(r -> r.core).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
  }

  private static TestServer server;
  private static List<Operation> contract;
  private static final Map<Role, Person> people = new EnumMap<>(Role.class);
  private static final Map<Role, Response> logins = new EnumMap<>(Role.class);

  // Made by earlier rows, used by later ones.
  private static String sanneNote;
  private static String sannePrivateNote;
  private static String sanneAgreement;
  private static String sanneLaterPrivateNote;
  private static String usedLink;
  private static String withdrawnLink;
  private static String scanRound;
  private static String revokedTokenId;
  private static String sanneSnack;

  @BeforeAll
  static void start(Vertx vertx) {
    server = TestServer.withDemo(vertx);
    contract = operations();
    // Every login hashes a password, slowly on purpose: each role logs in once, all at the same time.
    ExecutorService pool = Executors.newFixedThreadPool(9);
    try {
      Map<Role, CompletableFuture<Person>> pending = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        if (role.login != null) {
          pending.put(role, CompletableFuture.supplyAsync(() -> {
            Person person = server.anonymous();
            Response response = person.post("/auth/login", new JsonObject().put("login", role.login).put("password", PASSWORD));
            synchronized (logins) {
              logins.put(role, response);
            }
            return response.status() == 200 ? person.adopt(response.json()) : null;
          }, pool));
        }
      }
      pending.forEach((role, person) -> people.put(role, person.join()));
    } finally {
      pool.shutdown();
    }
    makeTokens();
  }

  /** The token callers: Sanne's, and Van Dijk's company token; the revoked one is revoked by a row below. */
  private static void makeTokens() {
    Person sanne = people.get(PARTICIPANT);
    people.put(READ_TOKEN, server.withToken(newToken(sanne, "Rapportage", null, 90, "read")));
    people.put(QUESTIONS_TOKEN, server.withToken(newToken(sanne, "Vragenbord", null, 90, "questions")));
    String revoked = newToken(sanne, "Wordt gestopt", null, 90, "read", "questions");
    revokedTokenId = revoked.substring("lk_".length(), revoked.indexOf('.'));
    people.put(REVOKED_TOKEN, server.withToken(revoked));
    // Made two days ago with one day to live: the clock goes back for the making only.
    server.clock().advance(Duration.ofDays(-2));
    try {
      people.put(EXPIRED_TOKEN, server.withToken(newToken(sanne, "Verlopen", null, 1, "read", "questions")));
    } finally {
      server.clock().advance(Duration.ofDays(2));
    }
    people.put(COMPANY_TOKEN, server.withToken(newToken(people.get(COMPANY_ADMIN), "BI", "demo-vandijk", 90, "read")));
  }

  private static String newToken(Person maker, String name, String organisationId, int days, String... scopes) {
    JsonObject body = new JsonObject().put("name", name).put("scopes", new JsonArray(List.of(scopes)))
        .put("expiresInDays", days);
    if (organisationId != null) {
      body.put("organisationId", organisationId);
    }
    return maker.post("/api-tokens", body).expect(201).json().getString("token");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  @DisplayName("Each operation answers each role with the status the rules give")
  Stream<DynamicContainer> matrix() {
    return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.title(),
        row.expected.keySet().stream().map(role -> DynamicTest.dynamicTest(
            role.label + " → " + meaning(row.expected.get(role)), () -> run(row, role)))));
  }

  @Test
  @DisplayName("The matrix covers exactly the operations of openapi.yaml, each for all eight roles")
  void coversTheWholeContract() {
    Set<String> inContract = operations().stream().map(Operation::id).collect(Collectors.toCollection(TreeSet::new));
    Map<String, Set<Role>> covered = new TreeMap<>();
    for (Row row : rows()) {
      covered.computeIfAbsent(row.operationId, id -> EnumSet.noneOf(Role.class)).addAll(row.expected.keySet());
    }
    assertEquals(inContract, covered.keySet(), "operationIds in the matrix versus openapi.yaml");
    covered.forEach((operationId, roles) -> assertTrue(roles.containsAll(Role.core()),
        () -> operationId + " lacks a cell for " + EnumSet.complementOf(EnumSet.copyOf(roles)).stream()
            .filter(r -> r.core).map(r -> r.label).toList()));
  }

  @Test
  @DisplayName("No API token opens a page, whatever its scopes or state: 401 with where it does work")
  void tokensNeverOpenAPage() {
    for (Role role : Role.TOKENS) {
      for (String page : List.of("/", "/c/demo-warmtepomp", "/settings/tokens", "/admin")) {
        Response answer = people.get(role).page(page);
        assertEquals(401, answer.status(), () -> role.label + " on " + page + ": " + answer.body());
        assertTrue(answer.body().contains("/api/v1"), answer::body);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // The matrix
  // ---------------------------------------------------------------------------------------------------------

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();

    // Accounts. The eight logins happened in start(); logging in again would only cost time.
    rows.add(row("login", HttpMethod.POST, "/auth/login").everyone(200).anonymous(401)
        .body(new JsonObject().put("login", "nobody@example.org").put("password", "not-the-password"))
        .exchange((role, person, path, body) -> role == ANONYMOUS ? person.post(path, body) : logins.get(role))
        .named("POST /auth/login (the roles: their demo password at start; anonymous: an unknown login)"));
    rows.add(row("getMe", HttpMethod.GET, "/me").loggedIn(200)
        .check((role, person, r) -> assertEquals(role.userId, r.json().getString("id")), loggedInRoles()));
    rows.add(row("updateMe", HttpMethod.PATCH, "/me").loggedIn(200).body(new JsonObject().put("language", "nl")));
    rows.add(row("getJournal", HttpMethod.GET, "/me/journal").loggedIn(200));
    rows.add(row("changePassword", HttpMethod.POST, "/me/password").loggedIn(400)
        .body(new JsonObject().put("currentPassword", "niet-mijn-wachtwoord").put("newPassword", "radiator-ontluchten-33"))
        .named("POST /me/password (with a wrong current password, so nobody's password changes)")
        .check((role, person, r) -> assertEquals("currentPassword",
            r.json().getJsonObject("error").getJsonObject("details").getString("field")), loggedInRoles()));
    rows.add(row("exportMyData", HttpMethod.GET, "/me/export").loggedIn(200)
        .check((role, person, r) -> assertEquals("application/zip", r.raw().getHeader("Content-Type")), loggedInRoles()));
    rows.add(row("eraseMe", HttpMethod.POST, "/me/erase").loggedIn(400)
        .body(new JsonObject().put("password", "niet-mijn-wachtwoord"))
        .named("POST /me/erase (with a wrong password, so nobody is erased)")
        .check((role, person, r) -> person.get("/me").expect(200), loggedInRoles()));
    rows.add(row("getMyPrompts", HttpMethod.GET, "/me/prompts").loggedIn(200)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-p-1")), PARTICIPANT, LECTURER, FACILITATOR)
        .check((role, person, r) -> assertFalse(r.body().contains("demo-p-1"), "a prompt of Van Dijk's community"),
            COMPANY_ADMIN, FOREIGN_ADMIN, FOREIGN_EMPLOYEE));

    // Organisations and communities.
    // The installation administrator adds companies but sees none of a company's own work.
    rows.add(row("getOrganisation", HttpMethod.GET, "/organisations/demo-vandijk").loggedIn(404).admin(200)
        .as(404, INSTALLATION_ADMIN));
    rows.add(row("getAuditTrail", HttpMethod.GET, "/organisations/demo-vandijk/audit").loggedIn(404).admin(200));
    rows.add(row("getAuditTrail", HttpMethod.GET, "/organisations/demo-delinde/audit").loggedIn(404).as(200, FOREIGN_ADMIN));
    rows.add(row("erasePerson", HttpMethod.DELETE, "/organisations/demo-vandijk/people/no-such-person")
        .loggedIn(404));
    rows.add(row("createPasswordReset", HttpMethod.POST, "/organisations/demo-vandijk/people/demo-kees/password-reset")
        .loggedIn(404).admin(201)
        .check((role, person, r) -> assertTrue(r.json().getString("url").contains("/reset/")), COMPANY_ADMIN));
    rows.add(row("createPasswordReset", HttpMethod.POST, "/organisations/demo-delinde/people/demo-kees/password-reset")
        .named("POST /organisations/demo-delinde/people/demo-kees/password-reset (Kees is not of De Linde)")
        .loggedIn(404));
    rows.add(row("resetPassword", HttpMethod.POST, "/password-resets/" + UNKNOWN_TOKEN)
        .body(new JsonObject().put("newPassword", "radiator-ontluchten-33")).everyone(404));
    rows.add(row("getOrganisation", HttpMethod.GET, "/organisations/demo-delinde").loggedIn(404).as(200, FOREIGN_ADMIN)
        .check((role, person, r) -> assertFalse(r.body().contains("demo-warmtepomp")), FOREIGN_ADMIN));

    // The installation: only its administrator lists and adds companies and invites their admins.
    rows.add(row("completeSetup", HttpMethod.POST, "/setup/" + UNKNOWN_TOKEN)
        .named("POST /setup/{an unknown token} (the demo has its installation administrator)")
        .body(new JsonObject().put("login", "nog.een.beheerder").put("displayName", "Nog een beheerder")
            .put("password", "kastanje-lantaarn-vlonder-9"))
        .everyone(404).as(404, INSTALLATION_ADMIN));
    rows.add(row("listOrganisations", HttpMethod.GET, "/installation/organisations").loggedIn(403)
        .as(200, INSTALLATION_ADMIN)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-vandijk") && r.body().contains("demo-delinde")),
            INSTALLATION_ADMIN));
    rows.add(row("createOrganisation", HttpMethod.POST, "/installation/organisations")
        .body(newCompany("Bakkerij Brood")).loggedIn(403).as(201, INSTALLATION_ADMIN)
        .check((role, person, r) -> assertTrue(r.json().getJsonObject("adminInvitation").getString("url")
            .contains("/join/")), INSTALLATION_ADMIN));
    rows.add(row("createOrganisation", HttpMethod.POST, "/installation/organisations")
        .named("POST /installation/organisations for a company that exists (Van Dijk, in other capitals)")
        .only("a conflict").body(newCompany("VAN DIJK installatietechniek")).as(409, INSTALLATION_ADMIN));
    rows.add(row("createOrganisation", HttpMethod.POST, "/installation/organisations")
        .named("POST /installation/organisations without a name")
        .only("bad input").body(new JsonObject().put("admin", new JsonObject().put("displayName", "Eva")))
        .as(400, INSTALLATION_ADMIN).check(invalid("name"), INSTALLATION_ADMIN));
    rows.add(row("inviteCompanyAdmin", HttpMethod.POST, "/installation/organisations/demo-delinde/admin-invitations")
        .body(new JsonObject().put("displayName", "Marloes Kok")).loggedIn(403).as(201, INSTALLATION_ADMIN));
    rows.add(row("inviteCompanyAdmin", HttpMethod.POST, "/installation/organisations/no-such-company/admin-invitations")
        .only("an unknown company").body(new JsonObject().put("displayName", "Marloes Kok")).as(404, INSTALLATION_ADMIN));
    rows.add(row("backUpStore", HttpMethod.POST, "/installation/backups").loggedIn(403).as(201, INSTALLATION_ADMIN)
        .check((role, person, r) -> assertTrue(r.json().getString("file").endsWith(".mv.db")), INSTALLATION_ADMIN));
    rows.add(row("listCommunities", HttpMethod.GET, "/communities").loggedIn(200)
        .check(sees("demo-warmtepomp", true).and(sees("demo-tilliften", false)), PARTICIPANT, LECTURER, COMPANY_ADMIN)
        .check(sees("demo-warmtepomp", false).and(sees("demo-tilliften", true)), FOREIGN_EMPLOYEE, FOREIGN_ADMIN)
        .check(sees("demo-warmtepomp", true).and(sees("demo-tilliften", true)), FACILITATOR)
        .check((role, person, r) -> assertTrue(r.array().isEmpty(), r::body), MANAGER));
    rows.add(row("getCommunity", HttpMethod.GET, WARMTEPOMP).members(200).admin(200).foreign(404).as(404, INSTALLATION_ADMIN)
        .check((role, person, r) -> {
          assertTrue(r.json().getBoolean("companyAdmin"));
          assertEquals(null, r.json().getString("myRole"));
        }, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getCommunity", HttpMethod.GET, TILLIFTEN)
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getCommunity", HttpMethod.GET, "/communities/no-such-community").loggedIn(404));
    rows.add(row("createCommunity", HttpMethod.POST, "/communities")
        .named("POST /communities for Van Dijk (demo-vandijk)")
        .body(newCommunity("demo-vandijk"))
        // Sanne works at Van Dijk but does not administer it: refused (the contract's 403). To everyone from
        // elsewhere the organisation does not exist.
        .admin(201).as(403, PARTICIPANT, MANAGER).as(404, LECTURER, FACILITATOR, FOREIGN_ADMIN, FOREIGN_EMPLOYEE));
    rows.add(row("createCommunity", HttpMethod.POST, "/communities")
        .named("POST /communities for De Linde (demo-delinde)")
        .body(newCommunity("demo-delinde"))
        .as(201, FOREIGN_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, PARTICIPANT, LECTURER, FACILITATOR, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("updateChallenge", HttpMethod.PUT, WARMTEPOMP + "/challenge")
        .body(new JsonObject().put("title", "Warmtepomp in één keer goed inregelen")
            .put("description", "Na de installatie van een warmtepomp komen we te vaak terug.")
            .put("desiredOutcome", "Minder dan één op de tien installaties een terugkomst."))
        .as(200, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404).as(404, MANAGER));
    rows.add(row("updateChallenge", HttpMethod.PUT, TILLIFTEN + "/challenge")
        .body(new JsonObject().put("title", "Tilliften zonder rugklachten")
            .put("description", "Zorgmedewerkers melden rugklachten na transfers met de tillift."))
        .as(200, FACILITATOR, FOREIGN_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));

    // Cycles (closing one comes last: it moves the community on to cycle 3).
    rows.add(row("listCycles", HttpMethod.GET, WARMTEPOMP + "/cycles").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("getCycle", HttpMethod.GET, WARMTEPOMP + "/cycles/2").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("getCycle", HttpMethod.GET, TILLIFTEN + "/cycles/1")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("updateCycle", HttpMethod.PATCH, WARMTEPOMP + "/cycles/2")
        .body(new JsonObject().put("goal", "Een vaste inregelchecklist maken en uitproberen"))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));

    // Sessions.
    rows.add(row("listSessions", HttpMethod.GET, WARMTEPOMP + "/sessions").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("getSession", HttpMethod.GET, "/sessions/demo-s-2").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("getSession", HttpMethod.GET, "/sessions/no-such-session").loggedIn(404));
    rows.add(row("planSession", HttpMethod.POST, WARMTEPOMP + "/sessions")
        .body(new JsonObject().put("startsAt", LocalDate.now().plusDays(40) + "T15:30").put("place", "Kantine"))
        .as(201, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("updateSession", HttpMethod.PATCH, "/sessions/demo-s-2")
        .body(new JsonObject().put("place", "Kantine werkplaats, Industrieweg 12"))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("recordAttendance", HttpMethod.PUT, "/sessions/demo-s-2/attendance")
        .body(new JsonObject().put("present", new JsonArray().add("demo-sanne").add("demo-fenna")))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("addAgreement", HttpMethod.POST, "/sessions/demo-s-2/agreements")
        .body(new JsonObject().put("what", "Twee woningen nameten na een koude nacht").put("ownerId", "demo-sanne"))
        .as(201, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404)
        .check((role, person, r) -> {
          JsonArray agreements = r.json().getJsonArray("agreements");
          sanneAgreement = agreements.getJsonObject(agreements.size() - 1).getString("id");
        }, FACILITATOR).as(404, MANAGER));
    rows.add(row("updateAgreement", HttpMethod.PATCH, "/sessions/demo-s-1/agreements/demo-a-2")
        .named("PATCH /sessions/demo-s-1/agreements/demo-a-2 (taken on by Joost)")
        .body(new JsonObject().put("done", false))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("updateAgreement", HttpMethod.PATCH, "PATCH /sessions/demo-s-2/agreements/{taken on by Sanne}",
            role -> "/sessions/demo-s-2/agreements/" + sanneAgreement)
        .body(new JsonObject().put("done", true))
        .as(200, PARTICIPANT, FACILITATOR).as(403, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("raiseSessionQuestion", HttpMethod.POST, "/sessions/demo-s-2/questions")
        .body(new JsonObject().put("text", "Wat zegt de fabrikant over de minimale looptijd?"))
        .members(201).admin(403).foreign(404).as(404, MANAGER));

    // Questions.
    rows.add(row("listQuestions", HttpMethod.GET, WARMTEPOMP + "/questions").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("listQuestions", HttpMethod.GET, TILLIFTEN + "/questions")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getQuestion", HttpMethod.GET, "/questions/demo-q-temp").members(200).admin(200).foreign(404)
        .check((role, person, r) -> assertFalse(r.json().getJsonArray("notes").isEmpty()), PARTICIPANT)
        .check((role, person, r) -> assertTrue(r.json().getJsonArray("notes").isEmpty(),
            "a company admin sees no field notes on a question"), COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getQuestion", HttpMethod.GET, "/questions/demo-q-tillift")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN)
        .check((role, person, r) -> assertTrue(r.json().getJsonArray("notes").isEmpty()), FOREIGN_ADMIN).as(404, MANAGER));
    rows.add(row("getQuestion", HttpMethod.GET, "/questions/no-such-question").loggedIn(404));
    rows.add(row("raiseQuestion", HttpMethod.POST, WARMTEPOMP + "/questions")
        .body(new JsonObject().put("text", "Hoe lang duurt een goede inregeling?"))
        .members(201).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("raiseQuestion", HttpMethod.POST, TILLIFTEN + "/questions")
        .body(new JsonObject().put("text", "Wie controleert de tillift na onderhoud?"))
        .as(201, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("updateQuestion", HttpMethod.PATCH, "/questions/demo-q-buffer")
        .named("PATCH /questions/demo-q-buffer (raised by Joost, no owners)")
        .body(new JsonObject().put("priority", "medium"))
        .as(200, FACILITATOR, LECTURER).as(403, PARTICIPANT, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("updateQuestion", HttpMethod.PATCH, "/questions/demo-q-temp")
        .named("PATCH /questions/demo-q-temp (raised by Sanne)")
        .body(new JsonObject().put("priority", "high"))
        .members(200).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("addQuestionOwner", HttpMethod.PUT, "/questions/demo-q-afstand/owners/demo-mehmet")
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("addQuestionOwner", HttpMethod.PUT, "PUT /questions/demo-q-afstand/owners/{oneself}",
            role -> "/questions/demo-q-afstand/owners/" + role.userId)
        .members(200).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("removeQuestionOwner", HttpMethod.DELETE, "/questions/demo-q-afstand/owners/demo-mehmet")
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("removeQuestionOwner", HttpMethod.DELETE, "DELETE /questions/demo-q-afstand/owners/{oneself}",
            role -> "/questions/demo-q-afstand/owners/" + role.userId)
        .members(200).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("voteQuestion", HttpMethod.PUT, "/questions/demo-q-buffer/vote").members(200).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("voteQuestion", HttpMethod.PUT, "/questions/demo-q-tillift/vote")
        .as(200, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("unvoteQuestion", HttpMethod.DELETE, "/questions/demo-q-buffer/vote").members(200).admin(403).foreign(404).as(404, MANAGER));

    // Field notes: members only; a private note exists for its author alone.
    rows.add(row("listNotes", HttpMethod.GET, WARMTEPOMP + "/notes").members(200).admin(403).foreign(404)
        .check((role, person, r) -> PRIVATE_DEMO_NOTES.forEach(id -> assertFalse(r.body().contains(id), id)),
            PARTICIPANT, LECTURER, FACILITATOR).as(404, MANAGER));
    rows.add(row("listNotes", HttpMethod.GET, TILLIFTEN + "/notes")
        .as(200, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("writeNote", HttpMethod.POST, WARMTEPOMP + "/notes")
        .named("POST " + WARMTEPOMP + "/notes (shared with the community)")
        .body(new JsonObject().put("kind", "observation").put("text", "Typeplaatje van de buitenunit gefotografeerd"))
        .members(201).admin(403).foreign(404)
        .check((role, person, r) -> sanneNote = r.json().getString("id"), PARTICIPANT).as(404, MANAGER));
    rows.add(row("writeNote", HttpMethod.POST, WARMTEPOMP + "/notes")
        .named("POST " + WARMTEPOMP + "/notes (private)")
        .body(new JsonObject().put("kind", "reflection").put("text", "Wat ik nog lastig vind").put("visibility", "private"))
        .members(201).admin(403).foreign(404)
        .check((role, person, r) -> sannePrivateNote = r.json().getString("id"), PARTICIPANT).as(404, MANAGER));
    rows.add(row("writeNote", HttpMethod.POST, TILLIFTEN + "/notes")
        .body(new JsonObject().put("kind", "observation").put("text", "Lift stond weer te hoog"))
        .as(201, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getNote", HttpMethod.GET, "/notes/demo-n-experiment").members(200).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("getNote", HttpMethod.GET, "/notes/demo-n-tillift")
        .as(200, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getNote", HttpMethod.GET, "/notes/demo-n-reflection")
        .named("GET /notes/demo-n-reflection (private, by Kees)").loggedIn(404).as(200, KEES));
    rows.add(row("getNote", HttpMethod.GET, "/notes/demo-n-answer-bram")
        .named("GET /notes/demo-n-answer-bram (private prompt answer, by Bram)").loggedIn(404).as(200, BRAM));
    rows.add(row("getNote", HttpMethod.GET, "GET /notes/{Sanne's private note}", role -> "/notes/" + sannePrivateNote)
        .loggedIn(404).as(200, PARTICIPANT));
    rows.add(row("getNote", HttpMethod.GET, "/notes/no-such-note").loggedIn(404));
    rows.add(row("editNote", HttpMethod.PATCH, "PATCH /notes/{Sanne's community note}", role -> "/notes/" + sanneNote)
        .body(new JsonObject().put("text", "Typeplaatje van de buitenunit, nu met serienummer"))
        .as(200, PARTICIPANT).as(403, LECTURER, FACILITATOR, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("editNote", HttpMethod.PATCH, "/notes/demo-n-reflection")
        .named("PATCH /notes/demo-n-reflection (private, by Kees)")
        .body(new JsonObject().put("text", "Ik merk dat ik het spannend vind om bij de klant toe te geven dat ik het "
            + "nog niet zeker weet."))
        .loggedIn(404).as(200, KEES));
    rows.add(row("putNotePhoto", HttpMethod.PUT, "PUT /notes/{Sanne's community note}/photo",
            role -> "/notes/" + sanneNote + "/photo")
        .body(role -> png())
        .as(200, PARTICIPANT).as(403, LECTURER, FACILITATOR, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("putNotePhoto", HttpMethod.PUT, "PUT /notes/{Sanne's private note}/photo",
            role -> "/notes/" + sannePrivateNote + "/photo")
        .body(role -> png())
        .loggedIn(404).as(200, PARTICIPANT));
    rows.add(row("getNotePhoto", HttpMethod.GET, "GET /notes/{Sanne's community note}/photo",
            role -> "/notes/" + sanneNote + "/photo")
        .members(200).admin(403).foreign(404)
        .check((role, person, r) -> assertEquals("image/png", r.raw().getHeader("Content-Type")), PARTICIPANT,
            LECTURER, FACILITATOR).as(404, MANAGER));
    rows.add(row("getNotePhoto", HttpMethod.GET, "GET /notes/{Sanne's private note}/photo",
            role -> "/notes/" + sannePrivateNote + "/photo")
        .loggedIn(404).as(200, PARTICIPANT));
    // Issue 13.1: the thumbnail follows the photo's rules exactly.
    rows.add(row("getNotePhotoThumbnail", HttpMethod.GET, "GET /notes/{Sanne's community note}/photo/thumbnail",
            role -> "/notes/" + sanneNote + "/photo/thumbnail")
        .members(200).admin(403).foreign(404)
        .check((role, person, r) -> assertEquals("image/png", r.raw().getHeader("Content-Type")), PARTICIPANT,
            LECTURER, FACILITATOR).as(404, MANAGER));
    rows.add(row("getNotePhotoThumbnail", HttpMethod.GET, "GET /notes/{Sanne's private note}/photo/thumbnail",
            role -> "/notes/" + sannePrivateNote + "/photo/thumbnail")
        .loggedIn(404).as(200, PARTICIPANT));
    rows.add(row("getJournal", HttpMethod.GET, "/me/journal?communityId=demo-warmtepomp").loggedIn(200)
        .check((role, person, r) -> assertTrue(r.body().contains(sannePrivateNote)), PARTICIPANT)
        .check((role, person, r) -> assertFalse(r.body().contains(sannePrivateNote)),
            LECTURER, FACILITATOR, COMPANY_ADMIN, FOREIGN_ADMIN, FOREIGN_EMPLOYEE));

    // A shared note made private later vanishes for everyone but its author, from the activity too.
    rows.add(row("writeNote", HttpMethod.POST, WARMTEPOMP + "/notes")
        .named("POST " + WARMTEPOMP + "/notes (shared; Sanne makes it private in the next row)")
        .only("this row only prepares the next ones")
        .body(new JsonObject().put("kind", "reflection").put("text", "Eerst gedeeld, later liever niet"))
        .as(201, PARTICIPANT)
        .check((role, person, r) -> sanneLaterPrivateNote = r.json().getString("id"), PARTICIPANT));
    rows.add(row("editNote", HttpMethod.PATCH, "PATCH /notes/{Sanne's shared note}: visibility private",
            role -> "/notes/" + sanneLaterPrivateNote)
        .only("only the author can change a note, see above").anonymous(401)
        .body(new JsonObject().put("visibility", "private"))
        .as(200, PARTICIPANT));
    rows.add(row("getNote", HttpMethod.GET, "GET /notes/{Sanne's note, made private}",
            role -> "/notes/" + sanneLaterPrivateNote)
        .loggedIn(404).as(200, PARTICIPANT));
    rows.add(row("getActivity", HttpMethod.GET, WARMTEPOMP + "/activity?limit=100")
        .named("GET " + WARMTEPOMP + "/activity?limit=100 (after Sanne made her shared note private)")
        .members(200).admin(200).foreign(404)
        // Sanne herself may still find it there; nobody else may, the employer least of all.
        .check((role, person, r) -> assertFalse(r.body().contains(sanneLaterPrivateNote),
            role.label + " still finds " + sanneLaterPrivateNote + " in the feed; a note made private must leave it"),
            LECTURER, FACILITATOR, COMPANY_ADMIN).as(404, MANAGER));

    // Ids of the other company, or of non-members, inside a request body are refused and write nothing.
    rows.add(row("writeNote", HttpMethod.POST, WARMTEPOMP + "/notes")
        .named("POST " + WARMTEPOMP + "/notes linked to De Linde's question demo-q-tillift")
        .only("a reference into the other company, by members of both sides")
        .body(new JsonObject().put("kind", "look-up").put("text", "x")
            .put("questionIds", new JsonArray().add("demo-q-tillift")))
        .as(400, PARTICIPANT, FACILITATOR).check(invalid("questionIds"), PARTICIPANT, FACILITATOR));
    rows.add(row("writeNote", HttpMethod.POST, TILLIFTEN + "/notes")
        .named("POST " + TILLIFTEN + "/notes linked to Van Dijk's question demo-q-temp")
        .only("a reference into the other company")
        .body(new JsonObject().put("kind", "look-up").put("text", "x")
            .put("questionIds", new JsonArray().add("demo-q-temp")))
        .as(400, FACILITATOR, FOREIGN_EMPLOYEE).check(invalid("questionIds"), FACILITATOR, FOREIGN_EMPLOYEE));
    rows.add(row("editNote", HttpMethod.PATCH, "PATCH /notes/{Sanne's community note} linked to demo-q-tillift",
            role -> "/notes/" + sanneNote)
        .only("a reference into the other company, by the author")
        .body(new JsonObject().put("questionIds", new JsonArray().add("demo-q-tillift")))
        .as(400, PARTICIPANT).check(invalid("questionIds"), PARTICIPANT));
    rows.add(row("addAgreement", HttpMethod.POST, "/sessions/demo-s-2/agreements")
        .named("POST /sessions/demo-s-2/agreements about De Linde's question demo-q-tillift")
        .only("a reference into the other company, by the facilitator of both")
        .body(new JsonObject().put("what", "x").put("ownerId", "demo-sanne").put("questionId", "demo-q-tillift"))
        .as(400, FACILITATOR).check(invalid("questionId"), FACILITATOR));
    rows.add(row("addAgreement", HttpMethod.POST, "/sessions/demo-s-2/agreements")
        .named("POST /sessions/demo-s-2/agreements taken on by Anouk of De Linde")
        .only("a person of the other company, by the facilitator of both")
        .body(new JsonObject().put("what", "x").put("ownerId", "demo-anouk"))
        .as(400, FACILITATOR).check(invalid("ownerId"), FACILITATOR));
    rows.add(row("recordAttendance", HttpMethod.PUT, "/sessions/demo-s-2/attendance")
        .named("PUT /sessions/demo-s-2/attendance with Anouk of De Linde present")
        .only("a person of the other company, by the facilitator of both")
        .body(new JsonObject().put("present", new JsonArray().add("demo-sanne").add("demo-anouk")))
        .as(400, FACILITATOR).check(invalid("userId"), FACILITATOR));
    rows.add(row("schedulePrompt", HttpMethod.POST, WARMTEPOMP + "/prompts")
        .named("POST " + WARMTEPOMP + "/prompts sent to Anouk of De Linde")
        .only("a person of the other company, by the facilitator of both")
        .body(new JsonObject().put("text", "x").put("recipientIds", new JsonArray().add("demo-anouk")))
        .as(400, FACILITATOR).check(invalid("recipientIds"), FACILITATOR));
    rows.add(row("addContribution", HttpMethod.POST, WARMTEPOMP + "/contributions")
        .named("POST " + WARMTEPOMP + "/contributions for De Linde's question demo-q-tillift")
        .only("a reference into the other company, by the lecturer")
        .body(new JsonObject().put("kind", "source").put("text", "x")
            .put("questionIds", new JsonArray().add("demo-q-tillift")))
        .as(400, LECTURER).check(invalid("questionIds"), LECTURER));
    rows.add(row("answerPrompt", HttpMethod.POST, "/prompts/demo-p-1/answers")
        .named("POST /prompts/demo-p-1/answers linked to De Linde's question demo-q-tillift")
        .only("a reference into the other company; Sanne answers properly below")
        .body(new JsonObject().put("text", "x").put("questionIds", new JsonArray().add("demo-q-tillift")))
        .as(400, PARTICIPANT).check(invalid("questionIds"), PARTICIPANT));
    rows.add(row("addQuestionOwner", HttpMethod.PUT, "/questions/demo-q-temp/owners/demo-anouk")
        .only("a person of the other company, by the facilitator of both")
        .as(404, FACILITATOR));
    rows.add(row("changeMemberRole", HttpMethod.PUT, WARMTEPOMP + "/members/demo-anouk")
        .only("a person of the other company, by the managers")
        .body(new JsonObject().put("role", "facilitator"))
        .as(404, FACILITATOR, COMPANY_ADMIN));
    rows.add(row("getJournal", HttpMethod.GET, "/me/journal").loggedIn(200)
        .named("GET /me/journal (nothing was written by the refused requests)")
        .check((role, person, r) -> assertFalse(r.body().contains("\"text\":\"x\""), r.body()),
            PARTICIPANT, FACILITATOR, FOREIGN_EMPLOYEE));

    // Prompts.
    rows.add(row("listPrompts", HttpMethod.GET, WARMTEPOMP + "/prompts").members(200).admin(200).foreign(404)
        .check((role, person, r) -> assertTrue(r.array().stream().map(p -> (JsonObject) p)
            .anyMatch(p -> "demo-p-1".equals(p.getString("id")) && p.containsKey("answeredBy")),
            "the company admin sees the prompts overview"), COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("listPrompts", HttpMethod.GET, TILLIFTEN + "/prompts")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("schedulePrompt", HttpMethod.POST, WARMTEPOMP + "/prompts")
        .body(new JsonObject().put("text", "Probeer deze week iets nieuws of anders"))
        .as(201, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("answerPrompt", HttpMethod.POST, "/prompts/demo-p-1/answers")
        .body(new JsonObject().put("text", "Deze maand geleerd dat meten weten is."))
        // An answer is a field note: the company admin may see the prompt (its overview) but writes no notes.
        .members(201).admin(403).foreign(404).as(404, MANAGER));

    // The facilitator's rhythm: my notifications, mail and calendar link; a community's rhythm; deliveries.
    rows.add(row("getMyNotifications", HttpMethod.GET, "/me/notifications").loggedIn(200));
    rows.add(row("markNotificationsRead", HttpMethod.POST, "/me/notifications/read").body(new JsonObject()).loggedIn(200));
    rows.add(row("getMailPreferences", HttpMethod.GET, "/me/mail-preferences").loggedIn(200));
    rows.add(row("updateMailPreferences", HttpMethod.PUT, "/me/mail-preferences")
        .body(new JsonObject().put("kinds", new JsonObject().put("digest", true))).loggedIn(200));
    rows.add(row("getCalendarFeed", HttpMethod.GET, "/me/calendar-feed").loggedIn(200));
    rows.add(row("renewCalendarFeed", HttpMethod.POST, "/me/calendar-feed").loggedIn(201));
    rows.add(row("revokeCalendarFeed", HttpMethod.DELETE, "/me/calendar-feed").loggedIn(204));
    rows.add(row("getRhythm", HttpMethod.GET, WARMTEPOMP + "/rhythm").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("updateRhythm", HttpMethod.PUT, WARMTEPOMP + "/rhythm")
        .body(new JsonObject().put("sessionReminderHours", 24))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("getPromptDeliveries", HttpMethod.GET, "/prompts/demo-p-1/deliveries")
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));

    // Contributions.
    rows.add(row("listContributions", HttpMethod.GET, WARMTEPOMP + "/contributions").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("listContributions", HttpMethod.GET, TILLIFTEN + "/contributions")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getContribution", HttpMethod.GET, "/contributions/demo-c-stooklijn").members(200).admin(200).foreign(404).as(404, MANAGER));
    rows.add(row("getContribution", HttpMethod.GET, "/contributions/no-such-contribution").loggedIn(404));
    rows.add(row("addContribution", HttpMethod.POST, WARMTEPOMP + "/contributions")
        .body(new JsonObject().put("kind", "source").put("text", "Zie de ISSO-publicatie over inregelen.")
            .put("questionIds", new JsonArray().add("demo-q-temp")))
        .as(201, LECTURER).as(403, PARTICIPANT, FACILITATOR, COMPANY_ADMIN).foreign(404).as(404, MANAGER));

    // Learning snacks (#12.4): members read and attach them; only the author and the facilitator change or delete one.
    rows.add(row("listSnacks", HttpMethod.GET, "/questions/demo-q-meten/snacks").members(200).admin(403).foreign(404)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-s-checklist"), r::body), PARTICIPANT).as(404, MANAGER));
    rows.add(row("listSnacks", HttpMethod.GET, "/questions/demo-q-tillift/snacks")
        .as(200, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("addSnack", HttpMethod.POST, "/questions/demo-q-meten/snacks")
        .body(new JsonObject().put("kind", "tip").put("title", "Thermometer eerst laten wennen")
            .put("text", "Leg de klemthermometer een minuut op de leiding voor je afleest."))
        .members(201).admin(403).foreign(404)
        .check((role, person, r) -> sanneSnack = r.json().getString("id"), PARTICIPANT).as(404, MANAGER));
    rows.add(row("addSnack", HttpMethod.POST, "/questions/demo-q-meten/snacks")
        .named("POST /questions/demo-q-meten/snacks (a link without its address)")
        .body(new JsonObject().put("kind", "link").put("title", "Handleiding"))
        .members(400).admin(403).foreign(404).as(404, MANAGER));
    rows.add(row("updateSnack", HttpMethod.PATCH, "PATCH /snacks/{Sanne's snack}", role -> "/snacks/" + sanneSnack)
        .body(new JsonObject().put("title", "Thermometer eerst laten wennen (een minuut)"))
        .as(200, PARTICIPANT, FACILITATOR).as(403, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("deleteSnack", HttpMethod.DELETE, "/snacks/demo-s-checklist")
        .named("DELETE /snacks/demo-s-checklist (Joost's)")
        .as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(204, FACILITATOR).as(404, MANAGER));
    rows.add(row("deleteSnack", HttpMethod.DELETE, "/snacks/no-such-snack").loggedIn(404));

    // Search (#12.3): members only (company admins, and managers, are no members: 403); never a private note of
    // someone else, not even by its exact words.
    rows.add(row("searchCommunity", HttpMethod.GET, WARMTEPOMP + "/search?q=stooklijn").members(200).admin(403)
        .foreign(404)
        .check((role, person, r) -> assertFalse(r.json().getJsonArray("items").isEmpty(), r::body), PARTICIPANT).as(404, MANAGER));
    rows.add(row("searchCommunity", HttpMethod.GET, WARMTEPOMP + "/search?q=%22spannend+om+bij+de+klant%22")
        .named("GET " + WARMTEPOMP + "/search, the exact words of Kees's private note")
        .members(200).admin(403).foreign(404).as(200, KEES)
        .check((role, person, r) -> assertFalse(r.body().contains("demo-n-reflection"), r::body),
            PARTICIPANT, LECTURER, FACILITATOR)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-n-reflection"), r::body), KEES).as(404, MANAGER));
    rows.add(row("searchCommunity", HttpMethod.GET, TILLIFTEN + "/search?q=lift")
        .as(200, FOREIGN_EMPLOYEE, FACILITATOR).as(403, FOREIGN_ADMIN).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));

    // Activity.
    rows.add(row("getActivity", HttpMethod.GET, WARMTEPOMP + "/activity?limit=100").members(200).admin(200).foreign(404)
        .check((role, person, r) -> {
          PRIVATE_DEMO_NOTES.forEach(id -> assertFalse(r.body().contains(id), id));
          assertFalse(r.body().contains(sannePrivateNote), "Sanne's private note");
        }, PARTICIPANT, LECTURER, FACILITATOR, COMPANY_ADMIN)
        .check((role, person, r) -> assertFalse(r.body().contains("\"excerpt\""),
            "a company admin sees that notes were written, not what they say"), COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getActivity", HttpMethod.GET, TILLIFTEN + "/activity")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));

    // Invitations and membership.
    rows.add(row("createInvitation", HttpMethod.POST, WARMTEPOMP + "/invitations")
        .body(new JsonObject().put("role", "participant").put("name", "Nieuwe collega"))
        .as(201, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404)
        .check((role, person, r) -> usedLink = r.json().getString("token"), COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("createInvitation", HttpMethod.POST, TILLIFTEN + "/invitations")
        .body(new JsonObject().put("role", "participant"))
        .as(201, FACILITATOR, FOREIGN_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("listInvitations", HttpMethod.GET, WARMTEPOMP + "/invitations")
        .as(200, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404)
        .check((role, person, r) -> {
          assertTrue(r.json().getJsonArray("invitations").size() >= 2, r::body);
          assertFalse(r.body().contains(usedLink) || r.body().contains("\"token\""), "never a token");
        }, FACILITATOR, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("listInvitations", HttpMethod.GET, TILLIFTEN + "/invitations")
        .as(200, FACILITATOR, FOREIGN_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("withdrawInvitation", HttpMethod.DELETE, "DELETE " + WARMTEPOMP + "/invitations/{a fresh one each}",
            role -> WARMTEPOMP + "/invitations/" + Hashes.sha256(withdrawnLink = invite()))
        .as(204, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404)
        .check((role, person, r) -> assertEquals("invitation_withdrawn",
            server.anonymous().get("/invitations/" + withdrawnLink).expect(409).errorCode()), FACILITATOR, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("withdrawInvitation", HttpMethod.DELETE, "DELETE " + TILLIFTEN + "/invitations/{a Van Dijk one}",
            role -> TILLIFTEN + "/invitations/" + Hashes.sha256(usedLink))
        .as(404, FACILITATOR, FOREIGN_ADMIN, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, MANAGER));
    rows.add(row("getInvitation", HttpMethod.GET, "GET /invitations/{a fresh link}", role -> "/invitations/" + usedLink)
        .everyone(200)
        .check((role, person, r) -> assertEquals("demo-warmtepomp", r.json().getString("communityId")), ANONYMOUS));
    rows.add(row("getInvitation", HttpMethod.GET, "/invitations/" + UNKNOWN_TOKEN).everyone(404));
    rows.add(row("acceptInvitation", HttpMethod.POST, "POST /invitations/{a fresh link each}/accept",
            role -> "/invitations/" + (role == ANONYMOUS ? usedLink : invite()) + "/accept")
        .only("a logged-in non-member who accepts joins the community, so the admins and the foreign roles "
            + "are left out here; the newcomer shows that case below, and the rows after it give all eight roles")
        .body(role -> role == ANONYMOUS
            ? new JsonObject().put("displayName", "Nieuwe Collega").put("username", "nieuwe.collega")
                .put("password", "inregel-checklist-zomer-8")
            : new JsonObject())
        .as(200, ANONYMOUS).as(409, PARTICIPANT, LECTURER, FACILITATOR)
        .check((role, person, r) -> people.put(NEWCOMER, person.adopt(r.json())), ANONYMOUS));
    rows.add(row("getInvitation", HttpMethod.GET, "GET /invitations/{a used link}", role -> "/invitations/" + usedLink)
        .everyone(409));
    rows.add(row("acceptInvitation", HttpMethod.POST, "POST /invitations/{a used link}/accept",
            role -> "/invitations/" + usedLink + "/accept")
        .body(new JsonObject()).everyone(409));
    rows.add(row("withdrawInvitation", HttpMethod.DELETE, "DELETE " + WARMTEPOMP + "/invitations/{a used one}",
            role -> WARMTEPOMP + "/invitations/" + Hashes.sha256(usedLink))
        .as(409, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404).as(404, MANAGER));
    rows.add(row("acceptInvitation", HttpMethod.POST, "/invitations/" + UNKNOWN_TOKEN + "/accept")
        .body(new JsonObject()).everyone(404));
    rows.add(row("changeMemberRole", HttpMethod.PUT, WARMTEPOMP + "/members/demo-mehmet")
        .body(new JsonObject().put("role", "participant"))
        .as(200, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404).as(404, MANAGER));
    rows.add(row("changeMemberRole", HttpMethod.PUT, TILLIFTEN + "/members/demo-dirk")
        .body(new JsonObject().put("role", "participant"))
        .as(200, FACILITATOR, FOREIGN_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("removeMember", HttpMethod.DELETE, "DELETE " + WARMTEPOMP + "/members/{the newcomer}",
            role -> WARMTEPOMP + "/members/" + people.get(NEWCOMER).id())
        .only("the facilitator removes the newcomer after they have joined again, two rows down")
        .anonymous(401).as(403, PARTICIPANT, LECTURER).foreign(404).as(204, COMPANY_ADMIN)
        .check((role, person, r) -> people.get(NEWCOMER).get(WARMTEPOMP).expect(404), COMPANY_ADMIN));
    rows.add(row("acceptInvitation", HttpMethod.POST, "POST /invitations/{a fresh link}/accept",
            role -> "/invitations/" + invite() + "/accept")
        .only("someone logged in who is not a member joins with a link")
        .body(new JsonObject()).as(200, NEWCOMER)
        .check((role, person, r) -> person.get(WARMTEPOMP).expect(200), NEWCOMER));
    rows.add(row("removeMember", HttpMethod.DELETE, "DELETE " + WARMTEPOMP + "/members/{the newcomer}",
            role -> WARMTEPOMP + "/members/" + people.get(NEWCOMER).id())
        .only("the other roles are in the row above").as(204, FACILITATOR)
        .check((role, person, r) -> people.get(NEWCOMER).get(WARMTEPOMP).expect(404), FACILITATOR));
    rows.add(row("removeMember", HttpMethod.DELETE, WARMTEPOMP + "/members/demo-anouk")
        .named("DELETE " + WARMTEPOMP + "/members/demo-anouk (not a member)")
        .as(404, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404).as(404, MANAGER));

    rows.add(row("erasePerson", HttpMethod.DELETE, "DELETE /organisations/demo-vandijk/people/{the newcomer}",
            role -> "/organisations/demo-vandijk/people/" + people.get(NEWCOMER).id())
        .loggedIn(404).admin(204)
        .check((role, person, r) -> people.get(NEWCOMER).get("/me").expect(401), COMPANY_ADMIN));

    // Company sign-in (OpenID Connect): the demo has none set up, and no provider answers at 127.0.0.1:1, so the
    // admin's change is refused on its issuer field and nothing changes.
    rows.add(row("getSsoSettings", HttpMethod.GET, "/organisations/demo-vandijk/sso").loggedIn(404)
        .named("GET /organisations/demo-vandijk/sso (none set up: 404 for the admin too)"));
    rows.add(row("putSsoSettings", HttpMethod.PUT, "/organisations/demo-vandijk/sso")
        .body(new JsonObject().put("issuer", "https://127.0.0.1:1/nobody").put("clientId", "leerkring")
            .put("clientSecret", "not-a-real-secret").put("domains", new JsonArray().add("vandijk-installatie.nl")))
        .named("PUT /organisations/demo-vandijk/sso (an issuer where no provider answers)")
        .loggedIn(404).admin(400)
        .check((role, person, r) -> assertEquals("issuer",
            r.json().getJsonObject("error").getJsonObject("details").getString("field")), COMPANY_ADMIN));
    rows.add(row("deleteSsoSettings", HttpMethod.DELETE, "/organisations/demo-vandijk/sso").loggedIn(404)
        .named("DELETE /organisations/demo-vandijk/sso (none set up: 404 for the admin too)"));
    // Harvest reports and exports: every member reads the report, the facilitator picks its highlights, the
    // facilitator and the company admins export (the notes: the facilitator only). No private note in any.
    rows.add(row("getCycleReport", HttpMethod.GET, WARMTEPOMP + "/cycles/1/report").members(200).admin(200).foreign(404)
        .check((role, person, r) -> {
          PRIVATE_DEMO_NOTES.forEach(id -> assertFalse(r.body().contains(id), id));
          assertFalse(r.body().contains("spannend"), "Kees's private reflection");
        }, PARTICIPANT, LECTURER, FACILITATOR, COMPANY_ADMIN, MANAGER)
        // A manager reads the report of the community his people are in (Sanne, Mehmet), and nothing else of it.
        .as(200, MANAGER));
    rows.add(row("getCycleReport", HttpMethod.GET, TILLIFTEN + "/cycles/1/report")
        .as(200, FOREIGN_EMPLOYEE, FOREIGN_ADMIN, FACILITATOR).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("getCycleReport", HttpMethod.GET, WARMTEPOMP + "/cycles/1/report?format=pdf")
        .only("the PDF: a member, the company admin and the manager of members").as(200, PARTICIPANT, COMPANY_ADMIN, MANAGER)
        .check((role, person, r) -> assertEquals("application/pdf", r.raw().getHeader("Content-Type")),
            PARTICIPANT, COMPANY_ADMIN, MANAGER));
    rows.add(row("getCycleReport", HttpMethod.GET, WARMTEPOMP + "/cycles/9/report")
        .only("a cycle that does not exist yet").as(404, FACILITATOR, COMPANY_ADMIN));
    rows.add(row("setCycleHighlights", HttpMethod.PUT, WARMTEPOMP + "/cycles/1/highlights")
        .body(new JsonObject().put("noteIds", new JsonArray().add("demo-n-experiment").add("demo-n-lookup")))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404).as(404, MANAGER));
    rows.add(row("setCycleHighlights", HttpMethod.PUT, WARMTEPOMP + "/cycles/1/highlights")
        .named("PUT " + WARMTEPOMP + "/cycles/1/highlights with Kees's private reflection")
        .only("a private note is refused as unknown, by the facilitator")
        .body(new JsonObject().put("noteIds", new JsonArray().add("demo-n-reflection")))
        .as(400, FACILITATOR).check(invalid("noteIds"), FACILITATOR));
    rows.add(row("exportCommunity", HttpMethod.GET, WARMTEPOMP + "/exports/questions?format=csv")
        .as(200, FACILITATOR, COMPANY_ADMIN).as(403, PARTICIPANT, LECTURER).foreign(404).as(404, MANAGER));
    rows.add(row("exportCommunity", HttpMethod.GET, WARMTEPOMP + "/exports/notes")
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404)
        .check((role, person, r) -> {
          PRIVATE_DEMO_NOTES.forEach(id -> assertFalse(r.body().contains(id), id));
          assertFalse(r.body().contains(sannePrivateNote), "Sanne's private note");
        }, FACILITATOR).as(404, MANAGER));
    rows.add(row("exportCommunity", HttpMethod.GET, TILLIFTEN + "/exports/sessions")
        .as(200, FACILITATOR, FOREIGN_ADMIN).as(403, FOREIGN_EMPLOYEE).as(404, PARTICIPANT, LECTURER, COMPANY_ADMIN).as(404, MANAGER));
    // Learning-culture scan. Everyone who may see a round sees its results; only the participants asked answer.
    rows.add(row("listCommunityScans", HttpMethod.GET, WARMTEPOMP + "/scans").members(200).admin(200).foreign(404)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-scan-voor")), PARTICIPANT, COMPANY_ADMIN, MANAGER)
        .as(200, MANAGER));
    rows.add(row("listCompanyScans", HttpMethod.GET, "/organisations/demo-vandijk/scans")
        .loggedIn(404).as(200, PARTICIPANT, COMPANY_ADMIN, MANAGER));
    rows.add(row("getScanRound", HttpMethod.GET, "/scans/demo-scan-voor").members(200).admin(200).foreign(404).as(200, MANAGER));
    rows.add(row("getScanResults", HttpMethod.GET, "/scans/demo-scan-voor/results").members(200).admin(200).foreign(404)
        .check((role, person, r) -> assertTrue(r.json().getBoolean("shown")), PARTICIPANT, LECTURER, COMPANY_ADMIN, MANAGER)
        .as(200, MANAGER));
    rows.add(row("openScanRound", HttpMethod.POST, "/scans")
        .named("POST /scans for the Van Dijk community (Ingrid opens it, so Fenna finds one open)")
        .body(new JsonObject().put("communityId", "demo-warmtepomp").put("kind", "after"))
        .as(403, PARTICIPANT, LECTURER).foreign(404).as(201, COMPANY_ADMIN).as(409, FACILITATOR)
        .check((role, person, r) -> scanRound = r.json().getString("id"), COMPANY_ADMIN).as(404, MANAGER));
    rows.add(row("openScanRound", HttpMethod.POST, "/scans")
        .named("POST /scans for the company Van Dijk as a whole")
        .body(new JsonObject().put("organisationId", "demo-vandijk").put("kind", "before"))
        .loggedIn(404).admin(201));
    rows.add(row("saveScanDraft", HttpMethod.PUT, "PUT /scans/{the new round}/draft", role -> "/scans/" + scanRound + "/draft")
        .body(new JsonObject().put("answers", new JsonObject().put("work-content-1", 4)))
        .as(200, PARTICIPANT).as(403, LECTURER, COMPANY_ADMIN, FACILITATOR, MANAGER).foreign(404));
    rows.add(row("answerScan", HttpMethod.POST, "POST /scans/{the new round}/answers", role -> "/scans/" + scanRound + "/answers")
        .body(new JsonObject().put("answers", allAnswers()))
        .as(201, PARTICIPANT).as(403, LECTURER, COMPANY_ADMIN, FACILITATOR, MANAGER).foreign(404));
    rows.add(row("answerScan", HttpMethod.POST, "POST /scans/{the new round}/answers, again", role -> "/scans/" + scanRound + "/answers")
        .only("a second answer").body(new JsonObject().put("answers", allAnswers())).as(409, PARTICIPANT));
    rows.add(row("closeScanRound", HttpMethod.POST, "POST /scans/{the new round}/close", role -> "/scans/" + scanRound + "/close")
        .as(403, PARTICIPANT, LECTURER, MANAGER).foreign(404).as(200, COMPANY_ADMIN).as(409, FACILITATOR));
    // API tokens: made, listed and revoked with a login only; then what the token callers may do.
    rows.add(row("listApiTokens", HttpMethod.GET, "/api-tokens").loggedIn(200)
        .check((role, person, r) -> assertTrue(r.body().contains("Vragenbord") && !r.body().contains("\"token\""),
            r::body), PARTICIPANT)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-vandijk"), r::body), COMPANY_ADMIN)
        .check((role, person, r) -> assertFalse(r.body().contains("Vragenbord") || r.body().contains("\"BI\""),
            r::body), FOREIGN_EMPLOYEE, FOREIGN_ADMIN, LECTURER, FACILITATOR));
    rows.add(row("createApiToken", HttpMethod.POST, "/api-tokens")
        .body(new JsonObject().put("name", "Matrix").put("scopes", new JsonArray().add("read"))).loggedIn(201)
        .check((role, person, r) -> assertTrue(r.json().getString("token").startsWith("lk_")), loggedInRoles()));
    rows.add(row("createApiToken", HttpMethod.POST, "/api-tokens")
        .named("POST /api-tokens for the company Van Dijk (demo-vandijk)")
        .body(new JsonObject().put("name", "Matrix").put("scopes", new JsonArray().add("read"))
            .put("organisationId", "demo-vandijk"))
        .loggedIn(404).admin(201));
    rows.add(row("revokeApiToken", HttpMethod.DELETE, "DELETE /api-tokens/{one of Sanne's}",
            role -> "/api-tokens/" + revokedTokenId)
        .loggedIn(404).as(204, PARTICIPANT));
    rows.add(row("revokeApiToken", HttpMethod.DELETE, "/api-tokens/NoSuchTokenAtAll0000").loggedIn(404));

    String tokens = "API token callers; their person's own rows are above";
    rows.add(row("getMe", HttpMethod.GET, "/me").only(tokens)
        .as(200, READ_TOKEN, COMPANY_TOKEN).as(403, QUESTIONS_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN)
        .check((role, person, r) -> assertEquals("demo-sanne", r.json().getString("id")), READ_TOKEN)
        .check((role, person, r) -> assertEquals("insufficient_scope", r.errorCode()), QUESTIONS_TOKEN)
        .check((role, person, r) -> assertEquals("token_revoked", r.errorCode()), REVOKED_TOKEN)
        .check((role, person, r) -> assertEquals("token_expired", r.errorCode()), EXPIRED_TOKEN));
    rows.add(row("listQuestions", HttpMethod.GET, WARMTEPOMP + "/questions").only(tokens)
        .as(200, READ_TOKEN, QUESTIONS_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN));
    rows.add(row("raiseQuestion", HttpMethod.POST, WARMTEPOMP + "/questions").only(tokens)
        .body(new JsonObject().put("text", "Mag een script vragen stellen?"))
        .as(403, READ_TOKEN, COMPANY_TOKEN).as(201, QUESTIONS_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN)
        .check((role, person, r) -> assertEquals("insufficient_scope", r.errorCode()), READ_TOKEN, COMPANY_TOKEN));
    rows.add(row("writeNote", HttpMethod.POST, WARMTEPOMP + "/notes").only(tokens)
        .body(new JsonObject().put("kind", "observation").put("text", "Een script schrijft geen veldnotitie."))
        .as(403, READ_TOKEN, QUESTIONS_TOKEN, COMPANY_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN));
    rows.add(row("getCommunity", HttpMethod.GET, TILLIFTEN).only(tokens)
        .as(404, READ_TOKEN, COMPANY_TOKEN).as(403, QUESTIONS_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN));
    rows.add(row("getCommunity", HttpMethod.GET, WARMTEPOMP).only(tokens)
        .as(200, READ_TOKEN, COMPANY_TOKEN).as(403, QUESTIONS_TOKEN));
    rows.add(row("getAuditTrail", HttpMethod.GET, "/organisations/demo-vandijk/audit").only(tokens)
        .as(200, COMPANY_TOKEN).as(404, READ_TOKEN).as(401, REVOKED_TOKEN)
        .check((role, person, r) -> assertTrue(r.body().contains("token.revoked"), r::body), COMPANY_TOKEN));
    rows.add(row("createApiToken", HttpMethod.POST, "/api-tokens").only(tokens)
        .body(new JsonObject().put("name", "Nog een").put("scopes", new JsonArray().add("read")))
        .as(403, READ_TOKEN, QUESTIONS_TOKEN, COMPANY_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN)
        .check((role, person, r) -> assertEquals("token_not_accepted", r.errorCode()), READ_TOKEN, COMPANY_TOKEN));
    rows.add(row("changePassword", HttpMethod.POST, "/me/password").only(tokens)
        .body(new JsonObject().put("currentPassword", "welkom2026").put("newPassword", "radiator-ontluchten-33"))
        .as(403, READ_TOKEN, QUESTIONS_TOKEN).as(401, EXPIRED_TOKEN));
    rows.add(row("exportMyData", HttpMethod.GET, "/me/export").only(tokens).as(403, READ_TOKEN));
    rows.add(row("searchCommunity", HttpMethod.GET, WARMTEPOMP + "/search?q=buffervat").only(tokens)
        .as(200, READ_TOKEN).as(403, QUESTIONS_TOKEN, COMPANY_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN));
    rows.add(row("addSnack", HttpMethod.POST, "/questions/demo-q-meten/snacks").only(tokens)
        .body(new JsonObject().put("kind", "link").put("title", "Meetprotocol").put("url", "https://example.org/meten"))
        .as(201, QUESTIONS_TOKEN).as(403, READ_TOKEN, COMPANY_TOKEN).as(401, REVOKED_TOKEN, EXPIRED_TOKEN));

    // Portfolio and manager (issue 12). Everyone has a portfolio of their own (empty for who is in no community);
    // Sanne shares one item, and her manager Erik sees exactly that one; only a company's admins manage managers.
    rows.add(row("getMyPortfolio", HttpMethod.GET, "/me/portfolio").loggedIn(200)
        .check((role, person, r) -> assertTrue(r.body().contains("note:demo-n-experiment")), PARTICIPANT)
        .check((role, person, r) -> assertTrue(r.json().getJsonArray("items").isEmpty(), r::body), MANAGER, COMPANY_ADMIN));
    rows.add(row("getMyPortfolio", HttpMethod.GET, "/me/portfolio?communityId=demo-tilliften")
        .named("GET /me/portfolio?communityId=demo-tilliften (only for its members)")
        .loggedIn(400).as(200, FOREIGN_EMPLOYEE, FACILITATOR));
    rows.add(row("shareMyPortfolio", HttpMethod.PUT, "/me/portfolio/sharing")
        .named("PUT /me/portfolio/sharing with Sanne's note demo-n-experiment (her own item only)")
        .body(new JsonObject().put("items", new JsonArray().add("note:demo-n-experiment")))
        .loggedIn(400).as(200, PARTICIPANT)
        .check(invalid("items"), FOREIGN_EMPLOYEE, FOREIGN_ADMIN, MANAGER, LECTURER, COMPANY_ADMIN, FACILITATOR));
    rows.add(row("exportMyPortfolio", HttpMethod.GET, "/me/portfolio/record").loggedIn(200)
        .check((role, person, r) -> assertEquals("leerkring-learning-record", r.json().getString("format")), loggedInRoles()));
    rows.add(row("exportMyPortfolio", HttpMethod.GET, "/me/portfolio/record?format=pdf&items=shared")
        .only("the PDF: Sanne's own record").as(200, PARTICIPANT)
        .check((role, person, r) -> assertEquals("application/pdf", r.raw().getHeader("Content-Type")), PARTICIPANT));
    rows.add(row("getMyPeople", HttpMethod.GET, "/me/people").loggedIn(403).as(200, MANAGER)
        .check((role, person, r) -> {
          JsonObject sanne = r.json().getJsonArray("people").stream().map(p -> (JsonObject) p)
              .filter(p -> "demo-sanne".equals(p.getString("id"))).findFirst().orElseThrow();
          assertEquals(List.of("note:demo-n-experiment"), sanne.getJsonArray("items").stream()
              .map(i -> ((JsonObject) i).getString("key")).toList());
        }, MANAGER));
    rows.add(row("listManagers", HttpMethod.GET, "/organisations/demo-vandijk/managers").loggedIn(404).admin(200)
        .check((role, person, r) -> assertTrue(r.body().contains("demo-erik")), COMPANY_ADMIN));
    rows.add(row("listManagers", HttpMethod.GET, "/organisations/demo-delinde/managers").loggedIn(404)
        .as(200, FOREIGN_ADMIN));
    rows.add(row("inviteManager", HttpMethod.POST, "/organisations/demo-vandijk/manager-invitations")
        .body(new JsonObject().put("name", "Nieuwe leidinggevende")).loggedIn(404).admin(201)
        .check((role, person, r) -> assertEquals("manager", r.json().getString("role")), COMPANY_ADMIN));
    rows.add(row("changeCompanyRole", HttpMethod.PUT, "/organisations/demo-vandijk/people/demo-joost/company-role")
        .named("PUT /organisations/demo-vandijk/people/demo-joost/company-role (employee, as he is)")
        .body(new JsonObject().put("role", "employee")).loggedIn(404).admin(200));
    rows.add(row("assignManager", HttpMethod.PUT, "/organisations/demo-vandijk/people/demo-lotte/manager")
        .body(new JsonObject().put("managerId", "demo-erik")).loggedIn(404).admin(200));
    rows.add(row("assignManager", HttpMethod.PUT, "/organisations/demo-vandijk/people/demo-lotte/manager")
        .named("PUT /organisations/demo-vandijk/people/demo-lotte/manager to Kees, who manages nobody")
        .only("bad input").body(new JsonObject().put("managerId", "demo-kees")).as(400, COMPANY_ADMIN)
        .check(invalid("managerId"), COMPANY_ADMIN));
    rows.add(row("unassignManager", HttpMethod.DELETE, "/organisations/demo-vandijk/people/demo-lotte/manager")
        .loggedIn(404).admin(204));
    rows.add(row("getMyPortfolio", HttpMethod.GET, "/me/portfolio").only(tokens)
        .as(200, READ_TOKEN).as(403, QUESTIONS_TOKEN).as(401, REVOKED_TOKEN));
    rows.add(row("getMyPeople", HttpMethod.GET, "/me/people").only(tokens).as(403, READ_TOKEN, COMPANY_TOKEN)
        .check((role, person, r) -> assertEquals("token_not_accepted", r.errorCode()), READ_TOKEN, COMPANY_TOKEN));
    rows.add(row("listManagers", HttpMethod.GET, "/organisations/demo-vandijk/managers").only(tokens)
        .as(200, COMPANY_TOKEN).as(404, READ_TOKEN));

    // Last: closing the cycle moves the community on; logging out ends each role's login.
    rows.add(row("closeCycle", HttpMethod.POST, WARMTEPOMP + "/cycles/2/close")
        .body(new JsonObject()
            .put("harvest", new JsonObject().put("learned", "Een checklist helpt.")
                .put("changedInWork", "We regelen met de checklist in.").put("stillOpen", "Buffervaten."))
            .put("nextSteps", new JsonArray().add("Checklist delen met de servicedienst"))
            .put("nextGoal", "De checklist bij elke oplevering gebruiken"))
        .as(200, FACILITATOR).as(403, PARTICIPANT, LECTURER, COMPANY_ADMIN).foreign(404)
        .check((role, person, r) -> assertEquals(3, r.json().getJsonObject("current").getInteger("number")), FACILITATOR).as(404, MANAGER));
    rows.add(row("logout", HttpMethod.POST, "/auth/logout")
        // Logging out without a login does no harm, and the contract answers 204 only.
        .everyone(204)
        .check((role, person, r) -> person.get("/me").expect(401), loggedInRoles()));
    return rows;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Running a cell
  // ---------------------------------------------------------------------------------------------------------

  private static void run(Row row, Role role) {
    Person person = role == ANONYMOUS ? server.anonymous() : people.get(role);
    assertNotNull(person, () -> role.label + " could not log in: " + (logins.get(role) == null ? "" : logins.get(role).body()));
    String path = row.path.apply(role);
    String operationId = operationOf(row.method, path);
    assertEquals(row.operationId, operationId, () -> row.method + " " + path + " is not " + row.operationId);
    Object body = row.body.apply(role);
    Response response = row.exchange.send(role, person, path, body);
    int expected = row.expected.get(role);
    assertEquals(expected, response.status(), () -> String.format("%s %s %s as %s: expected %d, got %d: %s",
        row.operationId, row.method, path, role.label, expected, response.status(), response.body()));
    Check check = row.checks.get(role);
    if (check != null) {
      check.verify(role, person, response);
    }
  }

  /** A fresh invitation to the Van Dijk community, made by its facilitator. */
  private static String invite() {
    return people.get(FACILITATOR).post(WARMTEPOMP + "/invitations", new JsonObject().put("role", "participant"))
        .expect(201).json().getString("token");
  }

  private static JsonObject newCommunity(String organisationId) {
    return new JsonObject().put("organisationId", organisationId).put("challenge", new JsonObject()
        .put("title", "Minder herstelwerk na montage").put("description", "Te vaak moeten we terug na de montage."));
  }

  /** Every statement of the shipped question set, answered "agree". */
  private static JsonObject allAnswers() {
    JsonObject answers = new JsonObject();
    QuestionSets.load().values().iterator().next().statementKeys().forEach(key -> answers.put(key, 4));
    return answers;
  }

  private static JsonObject newCompany(String name) {
    return new JsonObject().put("name", name).put("admin", new JsonObject().put("displayName", "Eva de Graaf"));
  }

  private static Check invalid(String field) {
    return (role, person, r) -> {
      assertEquals("invalid_field", r.errorCode(), r.body());
      assertTrue(r.json().getJsonObject("error").getJsonObject("details").getString("field").startsWith(field),
          r::body);
    };
  }

  private static Check sees(String communityId, boolean visible) {
    return (role, person, r) -> assertEquals(visible, r.array().stream()
        .anyMatch(c -> communityId.equals(((JsonObject) c).getString("id"))),
        () -> role.label + (visible ? " should" : " should not") + " see " + communityId + " in " + r.body());
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String meaning(int status) {
    return switch (status) {
      case 200 -> "200 OK";
      case 201 -> "201 created";
      case 204 -> "204 done";
      case 401 -> "401 log in first";
      case 403 -> "403 forbidden";
      case 404 -> "404 not found";
      case 409 -> "409 conflict";
      default -> String.valueOf(status);
    };
  }

  private static Role[] loggedInRoles() {
    return Role.core().stream().filter(r -> r != ANONYMOUS).toArray(Role[]::new);
  }

  // ---------------------------------------------------------------------------------------------------------
  // The contract
  // ---------------------------------------------------------------------------------------------------------

  private record Operation(String id, HttpMethod method, Pattern path) {
  }

  @SuppressWarnings("unchecked")
  private static List<Operation> operations() {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(Path.of(CONTRACT), StandardCharsets.UTF_8)) {
      root = new Yaml().load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Operation> operations = new ArrayList<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) root.get("paths");
    paths.forEach((template, item) -> item.forEach((key, value) -> {
      if (Set.of("get", "put", "post", "patch", "delete").contains(key)) {
        String id = (String) ((Map<String, Object>) value).get("operationId");
        assertNotNull(id, () -> key + " " + template + " has no operationId");
        StringBuilder regex = new StringBuilder("^");
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
          regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        operations.add(new Operation(id, HttpMethod.valueOf(key.toUpperCase()), Pattern.compile(regex + "$")));
      }
    }));
    return operations;
  }

  private static String operationOf(HttpMethod method, String path) {
    String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return contract.stream().filter(o -> o.method().equals(method) && o.path().matcher(withoutQuery).matches())
        .map(Operation::id).findFirst().orElseGet(() -> fail("no operation in the contract for " + method + " " + path));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Rows
  // ---------------------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Check {
    void verify(Role role, Person person, Response response);

    default Check and(Check next) {
      return (role, person, response) -> {
        verify(role, person, response);
        next.verify(role, person, response);
      };
    }
  }

  @FunctionalInterface
  private interface Exchange {
    Response send(Role role, Person person, String path, Object body);
  }

  private static Row row(String operationId, HttpMethod method, String path) {
    return new Row(operationId, method, method + " " + path, role -> path);
  }

  private static Row row(String operationId, HttpMethod method, String label, Function<Role, String> path) {
    return new Row(operationId, method, label, path);
  }

  /** One line of the matrix: an operation on one target, and the status each role must get. */
  private static final class Row {
    final String operationId;
    final HttpMethod method;
    String label;
    final Function<Role, String> path;
    Function<Role, Object> body = role -> null;
    Exchange exchange;
    final Map<Role, Integer> expected = new EnumMap<>(Role.class);
    final Map<Role, Check> checks = new EnumMap<>(Role.class);
    String onlySome;

    Row(String operationId, HttpMethod method, String label, Function<Role, String> path) {
      this.operationId = operationId;
      this.method = method;
      this.label = label;
      this.path = path;
      this.exchange = (role, person, p, b) -> b instanceof byte[] bytes ? person.upload(p, bytes) : person.send(method, p, b);
      // Anonymous callers must log in first, except where a row says otherwise.
      expected.put(ANONYMOUS, 401);
    }

    String title() {
      return operationId + ": " + label + (onlySome == null ? "" : " (only some roles: " + onlySome + ")");
    }

    Row named(String label) {
      this.label = label;
      return this;
    }

    /**
     * For rows that deliberately leave roles out, anonymous included: only the cells given after this run.
     * Every operation still gets all eight roles over its rows.
     */
    Row only(String why) {
      this.onlySome = why;
      expected.clear();
      return this;
    }

    Row body(JsonObject body) {
      this.body = role -> body.copy();
      return this;
    }

    Row body(Function<Role, Object> body) {
      this.body = body;
      return this;
    }

    Row exchange(Exchange exchange) {
      this.exchange = exchange;
      return this;
    }

    Row as(int status, Role... roles) {
      for (Role role : roles) {
        expected.put(role, status);
      }
      return this;
    }

    Row anonymous(int status) {
      return as(status, ANONYMOUS);
    }

    /** The three roles that are members of the Van Dijk community. */
    Row members(int status) {
      return as(status, PARTICIPANT, LECTURER, FACILITATOR);
    }

    /** Van Dijk's own company admin, who is no member of its community. */
    Row admin(int status) {
      return as(status, COMPANY_ADMIN);
    }

    /** Both people of De Linde, to whom the Van Dijk community does not exist. */
    Row foreign(int status) {
      return as(status, FOREIGN_ADMIN, FOREIGN_EMPLOYEE);
    }

    Row loggedIn(int status) {
      return as(status, loggedInRoles());
    }

    Row everyone(int status) {
      return anonymous(status).loggedIn(status);
    }

    Row check(Check check, Role... roles) {
      for (Role role : roles) {
        checks.put(role, check);
      }
      return this;
    }
  }
}
