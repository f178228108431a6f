package nl.leerkring.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The list of mistakes at the top of a form page (partials/error-summary): every error of the page's
 * {@code errors}, in the order of the form's fields, each a link to its field. A field's id is its error key
 * (references.0.url as references_0_url, a group of radio buttons on its fieldset), after the page's
 * {@code fieldIdPrefix} when the form shares its page with others (the snack form on a question's page).
 */
final class ErrorSummary {

  /** The key of an error about the form as a whole, which links nowhere. */
  private static final String FORM = "form";

  private ErrorSummary() {
  }

  /** The summary's items ({@code href} and {@code message}), or null when the page shows no errors. */
  static JsonArray of(RoutingContext ctx, JsonObject model) {
    JsonObject errors = model.getJsonObject("errors");
    if (errors == null || errors.isEmpty()) {
      return null;
    }
    // By entry, in the order they came: a MultiMap's names() may come sorted.
    List<String> order = new ArrayList<>();
    ctx.request().formAttributes().forEach(entry -> order.add(key(entry.getKey())));
    ctx.request().params().forEach(entry -> order.add(key(entry.getKey())));
    List<String> keys = new ArrayList<>(errors.fieldNames().stream().filter(key -> !isGroupOfAnother(key, errors)).toList());
    keys.sort(Comparator.comparingInt(key -> FORM.equals(key) ? -1 : position(order, key)));
    String prefix = model.getString("fieldIdPrefix", "");
    JsonArray items = new JsonArray();
    for (String key : keys) {
      JsonObject item = new JsonObject().put("message", errors.getString(key));
      items.add(FORM.equals(key) ? item : item.put("href", "#" + prefix + key));
    }
    for (FileUpload upload : ctx.fileUploads()) {
      // A browser never sends a chosen file again with a form shown anew: the person must choose it once more.
      if (upload.size() > 0 && !errors.containsKey(upload.name())) {
        items.add(new JsonObject().put("href", "#" + prefix + upload.name()).put("message",
            I18n.text(Language.of(ctx), "common.errors.chooseAgain", upload.fileName())));
      }
    }
    return items;
  }

  /**
   * Each link of the rendered page's summary starts with the name of its field ("Gebruikersnaam: Vul dit in."), as
   * the page's own label or legend has it: a message alone ("Vul dit in.") says too little out of its field's
   * context, where a screen reader's list of links reads it. Only pages with errors pass through here.
   */
  static Buffer withFieldNames(Buffer html) {
    // Kept as written (an svg's viewBox, say): only the links change.
    Document page = Jsoup.parse(html.toString(), "", Parser.htmlParser().settings(ParseSettings.preserveCase));
    page.outputSettings().prettyPrint(false);
    for (Element link : page.select(".error-summary a[href^=#]")) {
      Element field = page.getElementById(link.attr("href").substring(1));
      String name = field == null ? "" : nameOf(page, field);
      if (!name.isEmpty()) {
        link.prependText(name + (name.endsWith("?") ? " " : ": "));
      }
    }
    return Buffer.buffer(page.outerHtml());
  }

  /** A fieldset by its legend, a field by its label, without hints inside them or a colon at the end. */
  private static String nameOf(Document page, Element field) {
    Element naming = "fieldset".equals(field.tagName()) ? field.selectFirst("> legend")
        : page.selectFirst("label[for=\"" + field.id() + "\"]");
    return naming == null ? "" : naming.ownText().strip().replaceAll(":+$", "");
  }

  /** A form field's name as an error key: references.0.url is references_0_url. */
  private static String key(String name) {
    return name.replace('.', '_');
  }

  /** A part of a group (references_0_url) is also shown at its group (references): listed once, at the part. */
  private static boolean isGroupOfAnother(String key, JsonObject errors) {
    return errors.stream().map(Map.Entry::getKey)
        .anyMatch(other -> other.startsWith(key + "_") && errors.getValue(key).equals(errors.getValue(other)));
  }

  /** Where the field was in the form; fields the form did not send (an unticked choice) after those it did. */
  private static int position(List<String> order, String key) {
    int at = order.indexOf(key);
    return at < 0 ? order.size() : at;
  }
}
