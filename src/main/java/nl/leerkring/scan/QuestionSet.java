package nl.leerkring.scan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The statements of a scan, grouped by building block, in Dutch and English. Sets are data files
 * (src/main/resources/scan/ID.json), so a company can use another model without a code change; a round keeps
 * the id of the set it used.
 */
public record QuestionSet(String id, Map<String, String> title, List<Block> blocks) {

  /** Keys become field names in stored counts: no dots, no dollar signs. */
  private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,60}");

  public QuestionSet {
    blocks = List.copyOf(blocks);
  }

  /** One building block and its statements. */
  public record Block(String key, Map<String, String> title, List<Statement> statements) {

    public Block {
      statements = List.copyOf(statements);
    }

    public String title(String language) {
      return text(title, language);
    }
  }

  /** One statement people agree with on a scale of 1 to 5, or answer "don't know". */
  public record Statement(String key, Map<String, String> text) {

    public String text(String language) {
      return QuestionSet.text(text, language);
    }
  }

  public String title(String language) {
    return text(title, language);
  }

  public List<String> statementKeys() {
    return blocks.stream().flatMap(b -> b.statements().stream()).map(Statement::key).toList();
  }

  static String text(Map<String, String> texts, String language) {
    return texts.getOrDefault(language, texts.get("nl"));
  }

  /** A set as its data file has it; a file that breaks the rules fails loudly at the first use. */
  public static QuestionSet parse(JsonObject json) {
    String id = json.getString("id");
    List<Block> blocks = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Object b : json.getJsonArray("blocks", new JsonArray())) {
      JsonObject block = (JsonObject) b;
      List<Statement> statements = new ArrayList<>();
      for (Object s : block.getJsonArray("statements", new JsonArray())) {
        JsonObject statement = (JsonObject) s;
        statements.add(new Statement(key(statement.getString("key"), keys, id),
            languages(statement, id + " " + statement.getString("key"))));
      }
      if (statements.isEmpty()) {
        throw new IllegalArgumentException("Question set " + id + ": block " + block.getString("key") + " has no statements");
      }
      blocks.add(new Block(key(block.getString("key"), keys, id), languages(block.getJsonObject("title"), id), statements));
    }
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("Question set " + id + " has no blocks");
    }
    return new QuestionSet(id, languages(json.getJsonObject("title"), id), blocks);
  }

  private static String key(String key, Set<String> seen, String setId) {
    if (key == null || !KEY.matcher(key).matches() || !seen.add(key)) {
      throw new IllegalArgumentException("Question set " + setId + ": missing, repeated or unusable key '" + key + "'");
    }
    return key;
  }

  private static Map<String, String> languages(JsonObject texts, String where) {
    if (texts == null || texts.getString("nl") == null || texts.getString("en") == null) {
      throw new IllegalArgumentException("Question set " + where + ": a text needs Dutch (nl) and English (en)");
    }
    return Map.of("nl", texts.getString("nl"), "en", texts.getString("en"));
  }
}
