package nl.leerkring.question;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@DisplayName("Shared questions in the browser")
class QuestionPagesTest extends BrowserScenarios {

  private static final String QUESTION = "Hoe lang moet een warmtepomp na oplevering proefdraaien?";

  private static Page.GetByRoleOptions exactly(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  @Test
  @DisplayName("Mehmet raises a question, Joost votes for it, and facilitator Fenna answers it with a summary")
  void raiseVoteAndAnswer() {
    Page mehmet = Browser.logIn(browser.phone(), "mehmet");
    mehmet.navigate("/c/demo-warmtepomp/questions");
    mehmet.getByRole(AriaRole.LINK, named("Vraag stellen")).click();
    mehmet.getByLabel("Wat wil de groep weten?").fill(QUESTION);
    mehmet.getByRole(AriaRole.RADIO, named("Hoge prioriteit")).check();
    mehmet.getByRole(AriaRole.BUTTON, named("Vraag stellen")).click();
    assertThat(mehmet).hasURL(Pattern.compile("/questions/[A-Za-z0-9_-]+\\?saved=question$"));
    assertThat(mehmet.locator(".saved")).hasText("Je vraag is opgeslagen.");
    assertThat(mehmet.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(QUESTION);
    assertThat(mehmet.getByText("Gesteld door Mehmet Yilmaz in cyclus 2")).isVisible();
    String questionPath = mehmet.url().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");

    Page joost = Browser.logIn(browser.phone(), "joost");
    joost.navigate("/c/demo-warmtepomp/questions");
    joost.getByRole(AriaRole.LINK, named(QUESTION)).click();
    assertThat(joost.getByText("geen stemmen")).isVisible();
    joost.getByRole(AriaRole.BUTTON, named("Ik wil dit ook weten")).click();
    assertThat(joost.getByText("1 stem · Jij hebt gestemd.")).isVisible();
    assertThat(joost.getByRole(AriaRole.BUTTON, named("Stem intrekken"))).isVisible();
    // A participant who does not investigate the question cannot change its status.
    assertThat(joost.getByRole(AriaRole.HEADING, named("Status veranderen"))).hasCount(0);
    Browser.screenshot(joost, "phone-question");

    Page fenna = Browser.logIn(browser.laptop(), "fenna@leerwerkplaats.nl");
    fenna.navigate(questionPath);
    fenna.getByRole(AriaRole.RADIO, exactly("Beantwoord")).check();
    fenna.getByRole(AriaRole.BUTTON, named("Status opslaan")).click();
    assertThat(fenna.locator("#answerSummary-error")).hasText("Vul dit in.");
    assertThat(fenna.getByRole(AriaRole.RADIO, exactly("Beantwoord"))).isChecked();
    Browser.assertAccessible(fenna, "the question page with an error");

    fenna.getByLabel("Antwoord in het kort (nodig bij Beantwoord)").fill("Minstens één koude nacht; lees daarna de logging uit.");
    fenna.getByRole(AriaRole.CHECKBOX, named("Uitzetten bij de docent")).check();
    fenna.getByRole(AriaRole.BUTTON, named("Status opslaan")).click();
    assertThat(fenna.getByRole(AriaRole.REGION, named("Antwoord"))).containsText("Minstens één koude nacht");
    assertThat(fenna.locator("ol li").last()).containsText("Beantwoord · Fenna Jansen");
    assertThat(fenna.locator("ol li").last()).containsText("cyclus 2");
    assertThat(fenna.getByText("Uitgezet bij de docent")).isVisible();

    mehmet.navigate("/c/demo-warmtepomp/questions");
    assertThat(mehmet.getByRole(AriaRole.LINK, named(QUESTION))).hasCount(0);
    mehmet.getByRole(AriaRole.LINK, named("Alle vragen")).click();
    assertThat(mehmet.getByRole(AriaRole.LINK, named(QUESTION))).isVisible();
  }

  @Test
  @DisplayName("Kees takes on a question and may then move it along")
  void takeOwnership() {
    Page kees = Browser.logIn(browser.phone(), "kees");
    kees.navigate("/questions/demo-q-meten");
    kees.getByRole(AriaRole.BUTTON, named("Ik zoek dit uit")).click();
    assertThat(kees.getByRole(AriaRole.REGION, named("Wie zoekt het uit"))).containsText("Kees de Vries");
    kees.getByRole(AriaRole.RADIO, exactly("Wordt uitgezocht")).check();
    kees.getByRole(AriaRole.BUTTON, named("Status opslaan")).click();
    assertThat(kees.locator("p.meta .badge").first()).hasText("Wordt uitgezocht");
  }

  @Test
  @DisplayName("A question without text shows the error next to the field and keeps the topic")
  void emptyQuestionRefused() {
    Page phone = Browser.logIn(browser.phone(), "lotte");
    phone.navigate("/c/demo-warmtepomp/questions/new");
    phone.getByLabel("Onderwerp (mag leeg blijven)").fill("klant");
    phone.getByRole(AriaRole.RADIO, named("Lage prioriteit")).check();
    phone.getByRole(AriaRole.BUTTON, named("Vraag stellen")).click();
    assertThat(phone.locator("#text-error")).hasText("Vul dit in.");
    assertThat(phone.getByLabel("Onderwerp (mag leeg blijven)")).hasValue("klant");
    assertThat(phone.getByRole(AriaRole.RADIO, named("Lage prioriteit"))).isChecked();
    Browser.screenshot(phone, "phone-question-new-error");
  }

  @Test
  @DisplayName("Every question page passes axe in Dutch and English, on a phone and a laptop")
  void accessibleEverywhere() {
    record Visit(String login, boolean phone, boolean english) {
    }
    // At laptop width one language is enough: axe passes a template there once (Browser.assertAccessible).
    for (Visit v : new Visit[] {new Visit("priya", true, false), new Visit("r.mulder@hogeschool-oost.nl", false, false),
        new Visit("bram", true, true)}) {
      String what = v.login() + (v.phone() ? " on a phone" : " on a laptop") + (v.english() ? " in English" : " in Dutch");
      Page page = Browser.logIn(v.phone() ? browser.phone() : browser.laptop(), v.login());
      if (v.english()) {
        page.getByRole(AriaRole.BUTTON, named("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
      }
      page.navigate("/c/demo-warmtepomp/questions");
      Browser.assertAccessible(page, "the questions, " + what);
      page.navigate("/c/demo-warmtepomp/questions?show=all");
      Browser.assertAccessible(page, "all questions, " + what);
      if (v.phone()) {
        Browser.screenshot(page, "phone-questions-" + (v.english() ? "en" : "nl"));
      }
      page.navigate("/questions/demo-q-temp");
      Browser.assertAccessible(page, "an answered question, " + what);
      page.navigate("/questions/demo-q-buffer");
      Browser.assertAccessible(page, "an open question, " + what);
      if (!v.login().startsWith("hr@")) {
        page.navigate("/c/demo-warmtepomp/questions/new");
        Browser.assertAccessible(page, "the new question form, " + what);
        if (v.phone()) {
          Browser.screenshot(page, "phone-question-new-" + (v.english() ? "en" : "nl"));
        }
      }
      page.context().close();
    }
  }
}
