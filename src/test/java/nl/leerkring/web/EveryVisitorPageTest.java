package nl.leerkring.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

@DisplayName("Every page of a visitor, on a 360 px phone at 200 % text and on a laptop, in Dutch and English")
class EveryVisitorPageTest extends PageSweep {

  @Test
  @DisplayName("A visitor's pages: logging in (also with a wrong password), joining, a password reset, error pages")
  void visitor() {
    String join = server.demo("fenna@leerwerkplaats.nl").post("/communities/demo-warmtepomp/invitations",
        new JsonObject().put("role", "participant").put("name", "Nieuwe Nina")).expect(201).json().getString("token");
    String reset = server.demo("hr@vandijk-installatie.nl")
        .post("/organisations/demo-vandijk/people/demo-kees/password-reset", null).expect(201).json().getString("token");
    List<Visit> visits = List.of(
        go("login", "/login"),
        send("login-refused", "/login", "/login", page -> {
          page.locator("#login").fill("onbekende-monteur");
          page.locator("#password").fill("verkeerd-wachtwoord");
        }, ".error-summary"),
        go("join", "/join/" + join),
        sendEmpty("join-errors", "/join/" + join, "/join/" + join),
        go("join-unusable", "/join/no-such-invitation"),
        go("reset", "/reset/" + reset),
        go("reset-unusable", "/reset/no-such-reset"),
        go("setup-unusable", "/setup/no-such-setup"),
        go("sso-failed", "/login/sso/link"),
        go("not-found", "/no-such-page"));
    sweep(null, visits);
  }
}
