package nl.leerkring.support;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.multipart.MultipartForm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser without JavaScript, as far as forms go: it keeps the login cookie, reads a form's hidden one-time
 * token from the page that shows it, and posts the form (with its CSRF token) as the browser would, a photo as
 * a multipart upload. Redirects are not followed, so a test sees where the server sends the person.
 */
public final class FormClient {

  private static final Pattern CLIENT_TOKEN = Pattern.compile("name=\"clientToken\" value=\"([^\"]+)\"");

  private final WebClientSession browser;
  private final String csrf;

  private FormClient(WebClientSession browser, String csrf) {
    this.browser = browser;
    this.csrf = csrf;
  }

  /** One of the demo people, logged in through the API (which sets the same cookie the login page does). */
  public static FormClient of(Vertx vertx, TestServer server, String login) {
    WebClientSession browser = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(server.port()).setFollowRedirects(false)));
    String csrf = browser.post("/api/v1/auth/login").sendJsonObject(new JsonObject().put("login", login)
        .put("password", "welkom2026")).await().bodyAsJsonObject().getString("csrfToken");
    return new FormClient(browser, csrf);
  }

  public HttpResponse<Buffer> get(String path) {
    return browser.get(path).send().await();
  }

  /** The one-time token of the (first) form on the page at {@code path}. */
  public String clientToken(String path) {
    Matcher token = CLIENT_TOKEN.matcher(get(path).bodyAsString());
    assertTrue(token.find(), "the form on " + path + " carries a client token");
    return token.group(1);
  }

  /** Posts the fields as a form does, without waiting for the answer. */
  public Future<HttpResponse<Buffer>> post(String path, MultiMap fields) {
    return browser.post(path).sendForm(MultiMap.caseInsensitiveMultiMap().addAll(fields).add("_csrf", csrf));
  }

  /** Posts the fields and a photo in the field "photo" as a form with a file does, without waiting. */
  public Future<HttpResponse<Buffer>> postWithPhoto(String path, MultiMap fields, String fileName, byte[] photo) {
    MultipartForm form = MultipartForm.create().attribute("_csrf", csrf);
    fields.forEach(form::attribute);
    form.binaryFileUpload("photo", fileName, Buffer.buffer(photo), "image/jpeg");
    return browser.post(path).sendMultipartForm(form);
  }
}
