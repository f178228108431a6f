package nl.leerkring.platform;

import nl.leerkring.MainVerticle;
import nl.leerkring.search.SearchKind;
import nl.leerkring.snack.SnackKind;
import nl.leerkring.account.ApiTokenStatus;
import nl.leerkring.account.CompanyRole;
import nl.leerkring.portfolio.PortfolioKind;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.ContributionKind;
import nl.leerkring.cycle.CycleStatus;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.question.Priority;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.report.ExportDataset;
import nl.leerkring.scan.ScanKind;
import nl.leerkring.session.FindingKind;
import nl.leerkring.session.Phase;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.web.I18n;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Closed lists are defined once, as Java enums")
class ClosedListsTest {

  private static final Path BUNDLES = Path.of("src/main/resources/i18n");

  /** Each closed list: its enum, where the contract lists it, and the message keys every bundle must have. */
  enum Lists {
    NOTE_KINDS(NoteKind.class, schema("NoteInput", "kind"), "note.kind."),
    QUESTION_STATUSES(QuestionStatus.class, schema("QuestionStatus"), "question.status.", "lecturer.status."),
    OPEN_QUESTION_STATUSES(QuestionStatus.class, QuestionStatus::isOpen, null, "community.status."),
    PRIORITIES(Priority.class, schema("Priority"), "question.priority.", "community.priority."),
    ROLES(Role.class, schema("Role"), "role."),
    PHASES(Phase.class, schema("Phase"), "session.phase."),
    SESSION_STATUSES(SessionStatus.class, body("updateSession", "status"), "session.status."),
    CONTRIBUTION_KINDS(ContributionKind.class, body("addContribution", "kind"), "contribution.kind."),
    CYCLE_STATUSES(CycleStatus.class, null, "cycle.status."),
    VISIBILITIES(Visibility.class, schema("Visibility"), "note.visibility.", "prompt.visibility."),
    EXPORT_DATASETS(ExportDataset.class, schema("ExportDataset"), "report.dataset."),
    SCAN_KINDS(ScanKind.class, body("openScanRound", "kind"), "scan.kind."),
    API_TOKEN_STATUSES(ApiTokenStatus.class, schema("ApiToken", "status"), "token.status."),
    // since last time (issue 12.5)
    FINDING_KINDS(FindingKind.class, null, "since.kind.", "since.count."),
    // Portfolio and manager (issue 12)
    COMPANY_ROLES(CompanyRole.class, schema("CompanyRole"), "manager.role."),
    PORTFOLIO_KINDS(PortfolioKind.class, schema("PortfolioKind"), "portfolio.kind.", "portfolio.group."),
    // Learning snacks (#12.4) and search (#12.3)
    SNACK_KINDS(SnackKind.class, schema("SnackKind"), "snack.kind.", "snack.kindHint."),
    SEARCH_KINDS(SearchKind.class, schema("SearchKind"), "search.kind.", "search.untitled.");

    final Class<? extends ClosedList> list;
    final Predicate<ClosedList> which;
    final Contract contract;
    final List<String> keyPrefixes;

    <E extends ClosedList> Lists(Class<E> list, Contract contract, String... keyPrefixes) {
      this(list, c -> true, contract, keyPrefixes);
    }

    @SuppressWarnings("unchecked")
    <E extends ClosedList> Lists(Class<E> list, Predicate<E> which, Contract contract, String... keyPrefixes) {
      this.list = list;
      this.which = c -> which.test((E) c);
      this.contract = contract;
      this.keyPrefixes = List.of(keyPrefixes);
    }

    List<String> constants() {
      return Arrays.stream(list.getEnumConstants()).filter(which).map(ClosedList::value).toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Lists.class)
  @DisplayName("the API contract accepts exactly the enum's values")
  void contractAgrees(Lists closed) throws IOException {
    if (closed.contract == null) {
      return;
    }
    assertEquals(new TreeSet<>(closed.constants()), new TreeSet<>(closed.contract.values(openApi())),
        "The contract's list for " + closed.contract + " differs from " + closed.list.getSimpleName());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Lists.class)
  @DisplayName("adding a note kind is one constant in NoteKind plus note.kind.<value> in each bundle (and the contract's list, which documents the API): this fails while any bundle, in any language, lacks a message for a constant")
  void everyBundleHasEveryMessage(Lists closed) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String prefix : closed.keyPrefixes) {
      String bundle = prefix.substring(0, prefix.indexOf('.'));
      List<Path> files = bundleFiles(bundle);
      assertEquals(I18n.LANGUAGES.size(), files.size(), "one file per language for the bundle " + bundle);
      for (Path file : files) {
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
          messages.load(in);
        }
        closed.constants().stream().filter(v -> !messages.containsKey(prefix + v))
            .forEach(v -> missing.add(file.getFileName() + ": " + prefix + v));
      }
    }
    assertTrue(missing.isEmpty(), "Messages missing: " + missing);
  }

  private static List<Path> bundleFiles(String bundle) throws IOException {
    try (Stream<Path> all = Files.list(BUNDLES)) {
      return all.filter(p -> p.getFileName().toString().matches(bundle + "(_[a-z]{2})?\\.properties")).toList();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> openApi() throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of(MainVerticle.CONTRACT))) {
      return new Yaml().load(in);
    }
  }

  static Contract schema(String name, String... property) {
    return new Contract(null, name, property.length == 0 ? null : property[0]);
  }

  static Contract body(String operationId, String property) {
    return new Contract(operationId, null, property);
  }

  /** A list in the contract: a named schema, a property of one, or a property of an operation's body. */
  record Contract(String operationId, String schema, String property) {

    @SuppressWarnings("unchecked")
    List<String> values(Map<String, Object> api) {
      Map<String, Object> where = operationId == null ? named(api, schema) : resolve(api, body(api));
      if (property != null) {
        where = resolve(api, (Map<String, Object>) ((Map<String, Object>) where.get("properties")).get(property));
      }
      List<String> values = (List<String>) where.get("enum");
      if (values == null) {
        throw new AssertionError("No enum in the contract at " + this);
      }
      return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Map<String, Object> api) {
      for (Object path : ((Map<String, Object>) api.get("paths")).values()) {
        for (Object operation : ((Map<String, Object>) path).values()) {
          if (operation instanceof Map<?, ?> op && operationId.equals(op.get("operationId"))) {
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.get("requestBody")).get("content");
            return (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
          }
        }
      }
      throw new AssertionError("No operation " + operationId + " in the contract");
    }

    private static Map<String, Object> resolve(Map<String, Object> api, Map<String, Object> schema) {
      Object ref = schema.get("$ref");
      return ref == null ? schema : named(api, ref.toString().substring(ref.toString().lastIndexOf('/') + 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Map<String, Object> api, String name) {
      return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas"))
          .get(name);
    }
  }
}
