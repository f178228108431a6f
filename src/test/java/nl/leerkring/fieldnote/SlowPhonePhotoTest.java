package nl.leerkring.fieldnote;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import nl.leerkring.support.Browser;
import nl.leerkring.support.BrowserScenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13.1 measured as it was found: a technician's phone (Chromium, 360 px) on Chrome DevTools' "Slow 4G"
 * with its CPU 4× slower, as Lighthouse's mobile profile sets them: 150 ms round trip × 3.75 = 562.5 ms latency
 * per request, 1.6 Mbit/s × 0.9 = 1,474.56 kbit/s down and 750 kbit/s × 0.9 = 675 kbit/s up. She saves a
 * note with a camera's 4000 × 3000 photo of about 3.5 MB (61 s before this issue), and a colleague opens it
 * (20 s before). The figures are printed with each run.
 */
@DisplayName("A camera photo on a phone on Slow 4G")
class SlowPhonePhotoTest extends BrowserScenarios {

  private static final double LATENCY_MS = 150 * 3.75;
  private static final double DOWN_KBPS = 1.6 * 1024 * 0.9;
  private static final double UP_KBPS = 750 * 0.9;
  private static final int CPU_SLOWDOWN = 4;
  private static final long SAVE_LIMIT_MS = 10_000;
  private static final long OPEN_LIMIT_MS = 3_000;
  /**
   * What opening the note may transfer with an empty cache: the page, style sheet and scripts (compressed, about
   * 14 KB together on 2026-12-02) and the thumbnail the 360 px phone chooses (360 × 480: 8 KB for this photo, up
   * to some 60 KB for a detailed one at quality 0.8), with room for headers and a growing style sheet; under a
   * thirtieth of the camera's photo, which every reader downloaded before.
   */
  private static final long OPEN_BYTES_LIMIT = 100_000;

  @Test
  @DisplayName("Sanne saves a note with a 3.5 MB camera photo in at most 10 s; Mehmet opens it in at most 3 s, "
      + "transferring under 100 KB")
  void cameraPhotoOnSlow4G() throws Exception {
    byte[] camera = PhoneCamera.issueThirteenPhoto();
    assertTrue(camera.length > 3_200_000 && camera.length < 3_700_000, "a camera's 3.2 to 3.7 MB: " + camera.length);

    Page sanne = Browser.logIn(browser.narrowPhone(), "sanne");
    slow4G(sanne);
    sanne.navigate("/c/demo-warmtepomp/notes/new");
    sanne.getByRole(AriaRole.RADIO, named("Meekijken")).check();
    sanne.getByLabel("Wat wil je vastleggen?").fill("Typeplaatje van de buitenunit bij de familie Jansen");
    sanne.getByLabel("Foto (mag ook weg blijven)").setInputFiles(new FilePayload("IMG_2041.jpg", "image/jpeg", camera));

    long clicked = System.nanoTime();
    sanne.getByRole(AriaRole.BUTTON, named("Notitie opslaan")).click();
    assertThat(sanne.locator(".photo-upload progress")).isVisible();
    sanne.waitForURL(Pattern.compile("^https?://[^/]+/notes/[A-Za-z0-9_-]+\\?saved=note$"), new Page.WaitForURLOptions().setTimeout(60_000));
    sanne.waitForLoadState(LoadState.LOAD);
    long savedMs = (System.nanoTime() - clicked) / 1_000_000;
    String note = sanne.url().replaceAll(".*(/notes/[^/?#]+).*", "$1");

    Page mehmet = Browser.logIn(browser.narrowPhone(), "mehmet");
    CDPSession cdp = slow4G(mehmet);
    cdp.send("Network.clearBrowserCache");
    long asked = System.nanoTime();
    mehmet.navigate(note);
    mehmet.waitForLoadState(LoadState.LOAD);
    long openedMs = (System.nanoTime() - asked) / 1_000_000;
    Locator photo = mehmet.getByRole(AriaRole.IMG, named("Foto bij de veldnotitie van Sanne Visser"));
    assertEquals(Boolean.TRUE, photo.evaluate("i => i.complete && i.naturalWidth > 0"), "the photo is shown");
    String chosen = (String) photo.evaluate("i => i.currentSrc");
    long weight = ((Number) mehmet.evaluate("""
        () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .reduce((sum, e) => sum + e.transferSize, 0)""")).longValue();
    String each = (String) mehmet.evaluate("""
        () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .map(e => new URL(e.name).pathname.replace(/^\\/static\\/([^?]*).*/, '$1') + ' ' + e.transferSize).join(', ')""");

    System.out.printf(Locale.ROOT, "Slow 4G (latency %.1f ms, %.2f kbit/s down, %.0f kbit/s up, CPU %d× slower), "
            + "360 px phone: a %d-byte 4000 × 3000 camera photo saved with its note in %d ms; "
            + "the note opened in %d ms with an empty cache, %d bytes transferred (%s)%n",
        LATENCY_MS, DOWN_KBPS, UP_KBPS, CPU_SLOWDOWN, camera.length, savedMs, openedMs, weight, each);
    assertTrue(chosen.endsWith("/photo/thumbnail"), "a 360 px phone takes the thumbnail: " + chosen);
    assertTrue(savedMs <= SAVE_LIMIT_MS, "saving took " + savedMs + " ms");
    assertTrue(openedMs <= OPEN_LIMIT_MS, "opening took " + openedMs + " ms");
    assertTrue(weight < OPEN_BYTES_LIMIT, "opening transferred " + weight + " bytes");
  }

  /** DevTools' network and CPU throttling for this phone, as Lighthouse's mobile profile sets them. */
  private static CDPSession slow4G(Page page) {
    CDPSession cdp = page.context().newCDPSession(page);
    cdp.send("Network.enable");
    JsonObject network = new JsonObject();
    network.addProperty("offline", false);
    network.addProperty("latency", LATENCY_MS);
    network.addProperty("downloadThroughput", DOWN_KBPS * 1024 / 8);
    network.addProperty("uploadThroughput", UP_KBPS * 1024 / 8);
    cdp.send("Network.emulateNetworkConditions", network);
    JsonObject cpu = new JsonObject();
    cpu.addProperty("rate", CPU_SLOWDOWN);
    cdp.send("Emulation.setCPUThrottlingRate", cpu);
    return cdp;
  }
}
