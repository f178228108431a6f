package nl.leerkring.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;
import nl.leerkring.web.I18n;
import nl.leerkring.web.Pages;

/**
 * Mails from Handlebars templates, webroot/templates/mail/NAME.txt.hbs and NAME.html.hbs, in the recipient's
 * language with texts from i18n/mail*.properties. Every mail ends with the link to the mail preferences.
 */
public final class MailTemplates {

  private final Pages pages;
  private final String publicUrl;

  public MailTemplates(Pages pages, String publicUrl) {
    this.pages = pages;
    this.publicUrl = publicUrl;
  }

  public String publicUrl() {
    return publicUrl;
  }

  /** The subject is mail.NAME.subject with {@code subjectArgs}; {@code model} fills both bodies. */
  public Future<MailMessage> render(String name, String language, JsonArray subjectArgs, JsonObject model) {
    String subject = I18n.text(language, "mail." + name + ".subject", subjectArgs.getList().toArray());
    JsonObject full = model.copy()
        .put("_lang", language)
        .put("subject", subject)
        .put("preferencesUrl", publicUrl + "/settings/mail");
    Future<String> text = pages.renderText("mail/" + name + ".txt", full);
    Future<String> html = pages.renderText("mail/" + name + ".html", full);
    return Future.all(text, html).map(x -> new MailMessage()
        .setSubject(subject)
        .setText(text.result())
        .setHtml(html.result()));
  }
}
