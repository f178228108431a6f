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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of mistakes at the top of a form page (partials/error-summary): every error of the page's
 * {@code errors}, in the order of the fields on the page, each a link to its field. A field's id is its error key
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
    String prefix = model.getString("fieldIdPrefix", "");
    JsonArray items = new JsonArray();
    for (String key : errors.fieldNames().stream().filter(key -> !isGroupOfAnother(key, errors)).toList()) {
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
   * The rendered page's summary in the order of the fields on the page (a mistake about the whole form first),
   * each link starting with the name of its field ("Gebruikersnaam: Vul dit in.") as the page's own label or
   * legend has it: a message alone ("Vul dit in.") says too little out of its field's context, where a screen
   * reader's list of links reads it. Only pages with errors pass through here.
   */
  static Buffer withFieldNames(Buffer html) {
    // Kept as written (an svg's viewBox, say): only the summary changes.
    Document page = Jsoup.parse(html.toString(), "", Parser.htmlParser().settings(ParseSettings.preserveCase));
    page.outputSettings().prettyPrint(false);
    Element list = page.selectFirst(".error-summary ul");
    if (list == null) {
      return html;
    }
    Map<Element, Integer> onThePage = new HashMap<>();
    page.getAllElements().forEach(element -> onThePage.put(element, onThePage.size()));
    Map<Element, Integer> at = new HashMap<>();
    for (Element item : list.children()) {
      Element link = item.selectFirst("a[href^=#]");
      Element field = link == null ? null : page.getElementById(link.attr("href").substring(1));
      at.put(item, link == null ? -1 : field == null ? Integer.MAX_VALUE : onThePage.get(field));
      String name = field == null ? "" : nameOf(page, field);
      if (!name.isEmpty()) {
        link.prependText(name + (name.endsWith("?") ? " " : ": "));
      }
    }
    List<Element> items = new ArrayList<>(list.children());
    items.sort(Comparator.comparing(at::get));
    items.forEach(list::appendChild);
    return Buffer.buffer(page.outerHtml());
  }

  /** A fieldset by its legend, a field by its label, without hints inside them or a colon at the end. */
  private static String nameOf(Document page, Element field) {
    Element naming = "fieldset".equals(field.tagName()) ? field.selectFirst("> legend")
        : page.selectFirst("label[for=\"" + field.id() + "\"]");
    return naming == null ? "" : naming.ownText().strip().replaceAll(":+$", "");
  }

  /** A part of a group (references_0_url) is also shown at its group (references): listed once, at the part. */
  private static boolean isGroupOfAnother(String key, JsonObject errors) {
    return errors.stream().map(Map.Entry::getKey)
        .anyMatch(other -> other.startsWith(key + "_") && errors.getValue(key).equals(errors.getValue(other)));
  }
}
