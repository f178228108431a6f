package nl.leerkring.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * The language a page is shown in: the person's own setting once logged in; before that the choice they
 * made on the login page (a cookie), then the browser's preference; Dutch when nothing else says.
 */
public final class Language {

  public static final String COOKIE = "lk_lang";

  private Language() {
  }

  public static String of(RoutingContext ctx) {
    Caller caller = Caller.optional(ctx);
    if (caller != null && I18n.supports(caller.language())) {
      return caller.language();
    }
    Cookie chosen = ctx.request().getCookie(COOKIE);
    if (chosen != null && I18n.supports(chosen.getValue())) {
      return chosen.getValue();
    }
    for (LanguageHeader accepted : ctx.acceptableLanguages()) {
      if (I18n.supports(accepted.tag())) {
        return accepted.tag();
      }
    }
    return "nl";
  }
}
