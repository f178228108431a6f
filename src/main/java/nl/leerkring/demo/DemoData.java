package nl.leerkring.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.Managers;
import nl.leerkring.account.UserStore;
import nl.leerkring.portfolio.ShareStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.contribution.ContributionKind;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.cycle.Harvest;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.installation.InstallationService;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.StoreErrors;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.prompt.Prompt;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.report.HighlightStore;
import nl.leerkring.report.Highlights;
import nl.leerkring.prompt.PromptStore;
import nl.leerkring.scan.QuestionSet;
import nl.leerkring.scan.QuestionSets;
import nl.leerkring.scan.ScanAnsweredStore;
import nl.leerkring.scan.ScanKind;
import nl.leerkring.scan.ScanRound;
import nl.leerkring.scan.ScanRoundStore;
import nl.leerkring.scan.ScanTallyStore;
import nl.leerkring.snack.Snack;
import nl.leerkring.snack.SnackKind;
import nl.leerkring.snack.SnackStore;
import nl.leerkring.session.SessionJobs;
import nl.leerkring.session.Agreement;
import nl.leerkring.session.Phase;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.session.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic first community for a newcomer to log in to: an installation company working on getting heat
 * pumps set up right the first time. Cycle 1 is harvested, cycle 2 runs, the next session is planned.
 * Loaded only into an empty store, and recognisable by its fixed ids.
 */
public final class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  public static final String PASSWORD = "welkom2026";
  public static final String COMMUNITY = "demo-warmtepomp";
  private static final String COMPANY = "demo-vandijk";
  public static final String CARE_COMMUNITY = "demo-tilliften";
  private static final String CARE_COMPANY = "demo-delinde";

  private final Vertx vertx;
  private final Database db;
  private final List<Step> steps = new ArrayList<>();
  private final List<Step> scanAnswers = new ArrayList<>();
  private final ActivityLog activity;
  private final Instant now;
  private final int passwordIterations;

  public DemoData(Vertx vertx, Database db, int passwordIterations) {
    this.vertx = vertx;
    this.db = db;
    this.passwordIterations = passwordIterations;
    this.activity = new ActivityLog(db);
    this.now = db.clock().instant();
  }

  private static final String CLAIMS = "claims";

  public Future<Void> loadIntoEmptyStore() {
    return db.mongo().findOne(UserStore.USERS, new JsonObject(), null).compose(anyone -> {
      if (anyone != null) {
        return Future.succeededFuture();
      }
      // Processes that start together all find the store empty; the one whose claim lands loads the demo.
      return db.mongo().insert(CLAIMS, new JsonObject().put("_id", "demo").put("at", db.now())).compose(
          claimed -> {
            LOG.info("Empty store: loading the demo community (password for every demo login: {})", PASSWORD);
            return new Passwords(vertx, passwordIterations).hash(PASSWORD).compose(this::load);
          },
          failure -> StoreErrors.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
    });
  }

  private record Person(String id, String login, String name, String org, String role) {
  }

  private static final List<Person> PEOPLE = List.of(
      new Person("demo-ingrid", "hr@vandijk-installatie.nl", "Ingrid de Boer", COMPANY, null),
      new Person("demo-fenna", "fenna@leerwerkplaats.nl", "Fenna Jansen", "demo-leerwerkplaats", "facilitator"),
      new Person("demo-ruben", "r.mulder@hogeschool-oost.nl", "Ruben Mulder", "demo-hogeschool", "lecturer"),
      new Person("demo-sanne", "sanne", "Sanne Visser", COMPANY, "participant"),
      new Person("demo-mehmet", "mehmet", "Mehmet Yilmaz", COMPANY, "participant"),
      new Person("demo-joost", "joost", "Joost Bakker", COMPANY, "participant"),
      new Person("demo-priya", "priya", "Priya Ramdin", COMPANY, "participant"),
      new Person("demo-kees", "kees", "Kees de Vries", COMPANY, "participant"),
      new Person("demo-lotte", "lotte", "Lotte Smit", COMPANY, "participant"),
      new Person("demo-bram", "bram", "Bram Hendriks", COMPANY, "participant"),
      new Person("demo-marloes", "hr@zorggroep-delinde.nl", "Marloes Kok", CARE_COMPANY, null),
      new Person("demo-anouk", "anouk", "Anouk Meijer", CARE_COMPANY, "participant"),
      new Person("demo-dirk", "dirk", "Dirk Willems", CARE_COMPANY, "participant"),
      new Person("demo-wim", "beheer", "Wim Bos", null, "installation"),
      // Portfolio and manager (issue 12): Sanne's and Mehmet's manager, a member of no community.
      new Person("demo-erik", "manager@vandijk-installatie.nl", "Erik Veenstra", COMPANY, "manager"));

  private Future<Void> load(String passwordHash) {
    organisation(COMPANY, "Van Dijk Installatietechniek", "company");
    organisation("demo-leerwerkplaats", "De Leerwerkplaats (procesbegeleiding)", "facilitation");
    organisation("demo-hogeschool", "Hogeschool Oost", "college");
    organisation(CARE_COMPANY, "Zorggroep De Linde", "company");
    List<Community.Member> members = new ArrayList<>();
    for (Person p : PEOPLE) {
      JsonObject user = UserStore.newUser(p.id(), p.login(), p.name(), passwordHash, "nl", p.org(), at(-60));
      if ("installation".equals(p.role())) {
        user.put("installationAdmin", true);
      } else if (p.role() == null) {
        user.put("adminOf", new JsonArray().add(p.org()));
      } else if (CARE_COMPANY.equals(p.org())) {
        user.put("communityIds", new JsonArray().add(CARE_COMMUNITY));
      } else if (!"manager".equals(p.role())) {
        // A manager is a member of no community: see managers().
        user.put("communityIds", new JsonArray().add(COMMUNITY));
        members.add(new Community.Member(p.id(), p.name(), Role.parse(p.role()), days(-45)));
      }
      steps.add(Step.insert(UserStore.USERS, user));
    }
    Community community = new Community(COMMUNITY, COMPANY, new Community.Challenge(
        "Warmtepomp in één keer goed inregelen",
        "Na de installatie van een warmtepomp komen we te vaak terug: de woning wordt niet "
            + "warm genoeg, de pomp pendelt of het verbruik valt tegen.",
        "Elke terugkomst kost ons een halve dag en de klant vertrouwen. De vraag naar "
            + "warmtepompen groeit en de regels veranderen.",
        "Een werkwijze waarmee elke monteur de warmtepomp bij oplevering goed inregelt, "
            + "en minder dan één op de tien installaties een terugkomst."),
        members, 2, "demo-ingrid", days(-50));
    steps.add(CommunityStore.inserted(community));
    steps.add(CommunityStore.listed(community));
    careCommunity();
    managers();
    cycles();
    questions();
    sessions();
    notes();
    prompt();
    contribution();
    highlights();
    snacks();
    return activityEntries().compose(x -> scan()).compose(x -> db.writes().apply(steps)).compose(x -> writeScanAnswers());
  }

  /** Each on its own, as {@code ScanService} writes answers: no multi-document write ties them together. */
  private Future<Void> writeScanAnswers() {
    Future<Void> chain = Future.succeededFuture();
    for (Step step : scanAnswers) {
      chain = chain.compose(x -> db.writes().apply(step));
    }
    return chain;
  }

  /** The participants asked in the demo's before measurement; all but the last answered it. */
  private static final List<String> SCANNED = List.of("demo-sanne", "demo-mehmet", "demo-joost", "demo-priya",
      "demo-kees", "demo-lotte", "demo-bram");
  /** Where the demo's answers lie per building block, roughly, so that the results tell a story. */
  private static final double[] SCAN_LEVELS = {3.8, 2.9, 3.5, 2.6, 2.4, 3.1, 3.9};

  /**
   * A closed before measurement of the Van Dijk community from the start of cycle 1, answered by six of its
   * seven participants: counts and "has answered" marks only, as real answers leave them.
   */
  private Future<Void> scan() {
    return vertx.executeBlocking(QuestionSets::load, false).map(sets -> {
      QuestionSet set = sets.values().iterator().next();
      ScanRound round = new ScanRound("demo-scan-voor", COMPANY, COMMUNITY, "Warmtepomp in één keer goed inregelen",
          ScanKind.BEFORE, set.id(), "demo-fenna", nameOf("demo-fenna"), days(-44), days(-38), SCANNED);
      steps.addAll(ScanRoundStore.opened(round));
      for (int person = 0; person < SCANNED.size() - 1; person++) {
        scanAnswers.add(ScanAnsweredStore.claimed(round.id(), SCANNED.get(person)));
        scanAnswers.add(ScanTallyStore.added(round.id(), set, demoAnswers(set, person)));
      }
      return null;
    });
  }

  /** One person's answers, spread around each block's level; now and then "don't know". */
  private static Map<String, Integer> demoAnswers(QuestionSet set, int person) {
    Map<String, Integer> answers = new HashMap<>();
    for (int b = 0; b < set.blocks().size(); b++) {
      List<QuestionSet.Statement> statements = set.blocks().get(b).statements();
      for (int s = 0; s < statements.size(); s++) {
        int spread = (person * 7 + s * 3 + b) % 5 - 2;
        int value = (int) Math.round(SCAN_LEVELS[b % SCAN_LEVELS.length] + spread * 0.5);
        answers.put(statements.get(s).key(), (person + s + b) % 11 == 0 ? 0 : Math.max(1, Math.min(5, value)));
      }
    }
    return answers;
  }

  /**
   * A second company, so that a newcomer sees one facilitator serve communities of two employers, and sees
   * that neither employer's people can reach the other's community.
   */
  /** Erik manages Sanne and Mehmet; Sanne shares two items of her portfolio with him, Mehmet nothing yet. */
  private void managers() {
    steps.addAll(Managers.becomeManager("demo-erik", COMPANY));
    steps.addAll(Managers.assign("demo-sanne", null, "demo-erik"));
    steps.addAll(Managers.assign("demo-mehmet", null, "demo-erik"));
    steps.add(ShareStore.chosen(new ShareStore.Shares("demo-sanne",
        List.of("note:demo-n-experiment", "agreement:demo-a-1"), days(-3))));
  }

  private void careCommunity() {
    List<Community.Member> members = new ArrayList<>();
    for (String id : List.of("demo-fenna", "demo-anouk", "demo-dirk")) {
      members.add(new Community.Member(id, nameOf(id), id.equals("demo-fenna") ? Role.FACILITATOR : Role.PARTICIPANT,
          days(-20)));
    }
    Community community = new Community(CARE_COMMUNITY, CARE_COMPANY, new Community.Challenge(
        "Tilliften zonder rugklachten", "Zorgmedewerkers melden rugklachten na transfers met de tillift.",
        "Verzuim door rugklachten is hoog.", "Minder rugklachten."), members, 1, "demo-marloes", days(-20));
    steps.add(CommunityStore.inserted(community));
    steps.add(CommunityStore.listed(community));
    steps.add(UserStore.joinCommunity("demo-fenna", CARE_COMMUNITY));
    steps.add(CycleStore.started(Cycle.first(CARE_COMMUNITY, "Verkennen waar het misgaat", days(-20))));
    steps.addAll(QuestionStore.written(Question.raised("demo-q-tillift", CARE_COMMUNITY,
        "Welke instelling van de tillift spaart de rug het meest?", "techniek", Priority.HIGH, false, "demo-anouk",
        nameOf("demo-anouk"), 1, days(-15))));
    steps.addAll(NoteStore.written(new Note("demo-n-tillift", CARE_COMMUNITY, 1, "demo-dirk", nameOf("demo-dirk"),
        NoteKind.OBSERVATION, "Bij de nachtdienst wordt de lift vaak te hoog ingesteld.", null, null,
        Visibility.COMMUNITY, List.of("demo-q-tillift"), List.of(), null, null, days(-10), null)));
  }

  private void organisation(String id, String name, String kind) {
    steps.add(Step.insert("organisations", new JsonObject().put("_id", id).put("name", name).put("kind", kind)));
    steps.add(Step.insert(InstallationService.ORGANISATION_NAMES,
        new JsonObject().put("_id", InstallationService.nameKey(name)).put("organisationId", id)));
  }

  private void cycles() {
    List<String> nextSteps = List.of("Inregelchecklist opstellen", "Checklist bij drie installaties proberen");
    Cycle first = Cycle.first(COMMUNITY, "Begrijpen waarom we terug moeten komen", days(-45));
    steps.add(CycleStore.started(first.closed(new Harvest(
        "De stooklijn staat bij oplevering vaak te hoog; oude radiatoren vragen een lagere aanvoertemperatuur en "
            + "een langere looptijd, niet een hogere.",
        "We meten nu bij elke oplevering de aanvoer- en retourtemperatuur.",
        "Wanneer een buffervat nodig is, en wat we vastleggen bij oplevering."), nextSteps, "demo-fenna", days(-7))));
    steps.add(CycleStore.started(first.next("Een vaste inregelchecklist maken en uitproberen",
        List.of("demo-q-uitleg", "demo-q-buffer", "demo-q-meten"), nextSteps, days(-7))));
  }

  private Instant days(int days) {
    return now.plus(Duration.ofDays(days));
  }

  private void questions() {
    question("demo-q-temp", "Welke aanvoertemperatuur kiezen we bij oude radiatoren?", "techniek", Priority.HIGH,
        QuestionStatus.ANSWERED, true, "demo-sanne", List.of("demo-sanne"), List.of("demo-mehmet", "demo-joost", "demo-kees"),
        "Begin op 45 °C en verlaag in stappen van 2 graden zolang de woning warm blijft; controleer na een koude nacht.",
        List.of("demo-n-experiment", "demo-n-lookup"), List.of("demo-c-stooklijn"));
    question("demo-q-uitleg", "Hoe leggen we de klant uit waarom de warmtepomp langer draait dan een cv-ketel?",
        "klant", Priority.MEDIUM, QuestionStatus.INVESTIGATING, false, "demo-mehmet", List.of("demo-mehmet"),
        List.of("demo-lotte"), null, List.of("demo-n-conversation", "demo-n-answer-lotte"), List.of());
    question("demo-q-buffer", "Wanneer is een buffervat echt nodig?", "techniek", Priority.MEDIUM,
        QuestionStatus.OPEN, true, "demo-joost", List.of(), List.of("demo-bram", "demo-priya"), null, List.of("demo-n-observation"), List.of());
    question("demo-q-meten", "Welke meetgegevens leggen we vast bij oplevering?", "werkwijze", Priority.HIGH,
        QuestionStatus.OPEN, false, "demo-fenna", List.of("demo-priya"), List.of(), null, List.of(), List.of());
    question("demo-q-afstand", "Kunnen we de inregeling op afstand controleren?", "techniek", Priority.LOW,
        QuestionStatus.PARKED, false, "demo-kees", List.of(), List.of(), null, List.of(), List.of());
  }

  private void question(String id, String text, String category, Priority priority, QuestionStatus status,
                        boolean forLecturer, String raisedBy, List<String> owners, List<String> votes, String answer,
                        List<String> noteIds, List<String> contributionIds) {
    List<Question.StatusChange> history = new ArrayList<>();
    history.add(new Question.StatusChange(QuestionStatus.OPEN, raisedBy, nameOf(raisedBy), days(-30), 1));
    if (status != QuestionStatus.OPEN) {
      history.add(new Question.StatusChange(status, "demo-fenna", nameOf("demo-fenna"), days(-8), 1));
    }
    steps.addAll(QuestionStore.written(new Question(id, COMMUNITY, text, category, priority, status, forLecturer,
        answer, raisedBy, nameOf(raisedBy), 1, history, owners, votes, contributionIds, days(-30))));
    noteIds.forEach(noteId -> steps.addAll(QuestionStore.noteLinked(id, noteId, true)));
  }

  private void sessions() {
    List<Agreement> agreements = List.of(
        agreement("demo-a-1", "Bij twee installaties de stooklijn stap voor stap verlagen", "demo-sanne",
            "demo-q-temp", true),
        agreement("demo-a-2", "Uitzoeken wat de fabrikant zegt over buffervaten", "demo-joost", "demo-q-buffer",
            false),
        agreement("demo-a-3", "Klantgesprek over looptijd voeren en opschrijven", "demo-mehmet", "demo-q-uitleg",
            true));
    Session first = session("demo-s-1", 1, -21);
    steps.addAll(SessionStore.planned(new Session(first.id(), COMMUNITY, 1, first.startsAt(), first.zone(), 120,
        first.place(), null, SessionStatus.DONE, Phase.CHECK_OUT, first.phases(),
        List.of("demo-fenna", "demo-ruben", "demo-sanne", "demo-mehmet", "demo-joost", "demo-priya", "demo-lotte"),
        agreements, List.of(), "We hebben de terugkomsten van het afgelopen halfjaar doorgenomen. Meestal ging het "
            + "om een te hoge stooklijn of een pendelende pomp. Vijf vragen benoemd.", 0, first.createdAt())));
    Session next = session("demo-s-2", 2, 10);
    steps.addAll(SessionStore.planned(next));
    // As if planned through the service: the members get their reminder before it.
    steps.add(SessionJobs.planned(next));
  }

  private Session session(String id, int cycle, int days) {
    ZonedDateTime start = LocalDate.ofInstant(now, Times.DEFAULT_ZONE).plusDays(days)
        .atTime(LocalTime.of(15, 30)).atZone(Times.DEFAULT_ZONE);
    return Session.planned(id, COMMUNITY, cycle, start.toInstant(), Times.DEFAULT_ZONE, 120,
        "Kantine werkplaats, Industrieweg 12", null, List.of(Phase.values()), days(-25));
  }

  private Agreement agreement(String id, String what, String owner, String questionId, boolean done) {
    return new Agreement(id, what, owner, nameOf(owner), questionId,
        LocalDate.ofInstant(now, Times.DEFAULT_ZONE).minusDays(7), done, days(-21));
  }

  private void notes() {
    List<Note> notes = List.of(
        note("demo-n-experiment", "demo-sanne", NoteKind.EXPERIMENT, Visibility.COMMUNITY, List.of("demo-q-temp"),
            "Stooklijn verlaagd bij de familie Peters (jaren-70 woning, oude radiatoren).",
            "Aanvoertemperatuur van 55 naar 47 °C, in vier stappen over een week.",
            "Woning bleef 20 °C, pomp draait langer maar pendelt niet meer. Verbruik 15 % lager.", null, -18),
        note("demo-n-conversation", "demo-mehmet", NoteKind.CONVERSATION, Visibility.COMMUNITY,
            List.of("demo-q-uitleg"), "Met mevrouw Jansen besproken waarom de pomp 's nachts doorloopt. Een "
                + "vergelijking met een sluipverbruiker hielp niet; 'rustig doorstoken in plaats van hard opstoken' wel.",
            null, null, null, -15),
        note("demo-n-observation", "demo-joost", NoteKind.OBSERVATION, Visibility.COMMUNITY, List.of("demo-q-buffer"),
            "Meegekeken met Ahmed van de servicedienst: bij twee van de drie storingen zat er geen buffervat en "
                + "was het afgiftesysteem heel klein.", null, null, null, -12),
        note("demo-n-lookup", "demo-priya", NoteKind.LOOK_UP, Visibility.COMMUNITY, List.of("demo-q-temp"),
            "In de installatiehandleiding staat een tabel met stooklijnen per type afgiftesysteem. Foto van "
                + "bladzijde 34 gemaakt voor in de bus.", null, null, null, -10),
        note("demo-n-reflection", "demo-kees", NoteKind.REFLECTION, Visibility.PRIVATE, List.of(),
            "Ik merk dat ik het spannend vind om bij de klant toe te geven dat ik het nog niet zeker weet.",
            null, null, null, -9),
        note("demo-n-answer-lotte", "demo-lotte", NoteKind.REFLECTION, Visibility.COMMUNITY, List.of("demo-q-uitleg"),
            "Deze maand geleerd dat klanten het meest geholpen zijn met één duidelijke zin over de looptijd.",
            null, null, "demo-p-1", -5),
        note("demo-n-answer-bram", "demo-bram", NoteKind.REFLECTION, Visibility.PRIVATE, List.of(),
            "Ik heb geleerd dat ik vaker moet vragen in plaats van zelf te puzzelen.", null, null, "demo-p-1", -4));
    notes.forEach(note -> steps.addAll(NoteStore.written(note)));
  }

  private Note note(String id, String author, NoteKind kind, Visibility visibility, List<String> questionIds,
                    String text, String tried, String happened, String promptId, int days) {
    return new Note(id, COMMUNITY, days < -7 ? 1 : 2, author, nameOf(author), kind, text, tried, happened, visibility,
        questionIds, List.of(), null, promptId, days(days), null);
  }

  private void prompt() {
    steps.addAll(PromptStore.scheduled(new Prompt("demo-p-1", COMMUNITY, 2, "Wat heb je deze maand geleerd op het werk?",
        days(-6), Times.DEFAULT_ZONE, null, "demo-fenna", nameOf("demo-fenna"), days(-7), List.of(
            new Prompt.Answer("demo-lotte", "demo-n-answer-lotte", days(-5)),
            new Prompt.Answer("demo-bram", "demo-n-answer-bram", days(-4))), null)));
  }

  private void contribution() {
    steps.addAll(ContributionStore.added(new Contribution("demo-c-stooklijn", COMMUNITY, "demo-ruben",
        nameOf("demo-ruben"), ContributionKind.EXPLANATION,
        "Een warmtepomp is het zuinigst bij een zo laag mogelijke aanvoertemperatuur. Elke graad lager scheelt "
            + "zo'n 2 tot 3 % in verbruik. Oude radiatoren kunnen vaak meer dan gedacht, zolang de woning lang "
            + "genoeg wordt verwarmd.",
        List.of("demo-q-temp"), List.of(
            new Contribution.Reference("ISSO-publicatie 44: warmtepompen in bestaande bouw", null),
            new Contribution.Reference("Milieu Centraal: warmtepomp instellen",
                "https://www.milieucentraal.nl/energie-besparen/duurzaam-verwarmen-en-koelen/")),
        days(-11))));
  }

  /** Learning snacks (#12.4): a checklist and a video for the question about what to measure at handover. */
  private void snacks() {
    steps.addAll(SnackStore.written(new Snack("demo-s-checklist", COMMUNITY, "demo-q-meten", 2, "demo-joost",
        nameOf("demo-joost"), SnackKind.CHECKLIST, "Opleverlijst metingen",
        "Aanvoer- en retourtemperatuur bij volle last\nDruk in de installatie (koud)\nStooklijn en eindpunt noteren\n"
            + "Foto van het typeplaatje", null, null, days(-3), null)));
    steps.addAll(SnackStore.written(new Snack("demo-s-video", COMMUNITY, "demo-q-meten", 2, "demo-ruben",
        nameOf("demo-ruben"), SnackKind.VIDEO, "Video: zo meet je het temperatuurverschil (delta T)",
        "Vijf minuten, met een klemthermometer op aanvoer en retour.", "https://www.youtube.com/results?search_query=warmtepomp+delta+T+meten",
        null, days(-2), null)));
  }

  /** Cycle 1's harvest report shows two shared notes the facilitator picked. */
  private void highlights() {
    steps.add(HighlightStore.picked(new Highlights(CommunityStore.cycleId(COMMUNITY, 1), COMMUNITY, 1,
        List.of("demo-n-experiment", "demo-n-conversation"), "demo-fenna", days(-7))));
  }

  private Future<Void> activityEntries() {
    record Entry(String type, String actor, JsonObject about) {
    }
    List<Entry> entries = List.of(
        new Entry("community.started", "demo-ingrid", new JsonObject().put("title", "Warmtepomp in één keer goed inregelen")),
        new Entry("question.raised", "demo-sanne", new JsonObject().put("questionId", "demo-q-temp")
            .put("text", "Welke aanvoertemperatuur kiezen we bij oude radiatoren?")),
        new Entry("note.written", "demo-sanne", new JsonObject().put("noteId", "demo-n-experiment").put("kind", "experiment")),
        new Entry("note.written", "demo-mehmet", new JsonObject().put("noteId", "demo-n-conversation").put("kind", "conversation")),
        new Entry("note.written", "demo-joost", new JsonObject().put("noteId", "demo-n-observation").put("kind", "observation")),
        new Entry("contribution.added", "demo-ruben", new JsonObject().put("contributionId", "demo-c-stooklijn")
            .put("kind", "explanation")),
        new Entry("note.written", "demo-priya", new JsonObject().put("noteId", "demo-n-lookup").put("kind", "look-up")),
        new Entry("question.status", "demo-fenna", new JsonObject().put("questionId", "demo-q-temp")
            .put("text", "Welke aanvoertemperatuur kiezen we bij oude radiatoren?").put("status", "answered")),
        new Entry("cycle.closed", "demo-fenna", new JsonObject().put("number", 1)
            .put("nextGoal", "Een vaste inregelchecklist maken en uitproberen")),
        new Entry("note.written", "demo-lotte", new JsonObject().put("noteId", "demo-n-answer-lotte").put("kind", "reflection")),
        new Entry("session.planned", "demo-fenna", new JsonObject().put("sessionId", "demo-s-2")));
    Future<Void> chain = Future.succeededFuture();
    for (Entry e : entries) {
      chain = chain.compose(x -> activity.entry(COMMUNITY, e.type(), e.actor(), nameOf(e.actor()), e.about())
          .map(step -> {
            steps.add(step);
            return null;
          }));
    }
    return chain;
  }

  private String at(int days) {
    return Times.format(days(days));
  }

  private static String nameOf(String id) {
    return PEOPLE.stream().filter(p -> p.id().equals(id)).findFirst().map(Person::name).orElse(id);
  }
}
