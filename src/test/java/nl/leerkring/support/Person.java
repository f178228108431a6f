package nl.leerkring.support;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Someone using the API: keeps their login cookie like a browser does and sends the CSRF token with every
 * change. Calls block until the answer is there, so a test reads top to bottom like the scenario it is.
 */
public final class Person {

  private final WebClientSession session;
  private final int port;
  private String csrfToken = "";
  private JsonObject me;
  /** An API token this client sends instead of a login (null: none); it then sends no CSRF token either. */
  private String bearer;

  Person(WebClient client, int port) {
    this.session = WebClientSession.create(client);
    this.port = port;
  }

  void logIn(String login, String password) {
    Response response = post("/auth/login", new JsonObject().put("login", login).put("password", password));
    assertEquals(200, response.status(), () -> "login of " + login + " failed: " + response.body());
    adopt(response.json());
  }

  /** A script calling with {@code Authorization: Bearer <token>}: no cookie, no CSRF token. */
  Person withToken(String token) {
    this.bearer = token;
    return this;
  }

  /** Takes over the login a response started (after joining by invitation). */
  public Person adopt(JsonObject me) {
    this.me = me;
    this.csrfToken = me.getString("csrfToken");
    return this;
  }

  /** Uses another client's login cookie, as a browser does whichever server the load balancer picks. */
  public void copyLoginFrom(Person other) {
    other.session.cookieStore().get(false, "127.0.0.1", "/").forEach(cookie -> session.cookieStore().put(cookie));
  }

  public String id() {
    return me.getString("id");
  }

  public JsonObject me() {
    return me;
  }

  /** A page or file outside the API, as a browser asks for it with the login cookie. */
  public Response page(String path) {
    HttpRequest<Buffer> request = session.request(HttpMethod.GET, port, "127.0.0.1", path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return new Response(request.send().await());
  }

  /** The same, with one more request header (a browser's Accept-Encoding, say). */
  public Response page(String path, String header, String value) {
    return new Response(session.request(HttpMethod.GET, port, "127.0.0.1", path).putHeader(header, value).send()
        .await());
  }

  public Response get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return send(HttpMethod.POST, path, body);
  }

  public Response put(String path, Object body) {
    return send(HttpMethod.PUT, path, body);
  }

  public Response patch(String path, Object body) {
    return send(HttpMethod.PATCH, path, body);
  }

  public Response delete(String path) {
    return send(HttpMethod.DELETE, path, null);
  }

  /** Sends raw bytes, as a phone's camera upload does. */
  public Response upload(String path, byte[] bytes) {
    HttpRequest<Buffer> request = request(HttpMethod.PUT, path).putHeader("Content-Type", "application/octet-stream");
    return new Response(request.sendBuffer(Buffer.buffer(bytes)).await());
  }

  /** Sends a body exactly as given, for malformed input. */
  public Response sendRaw(HttpMethod method, String path, String contentType, String body) {
    HttpRequest<Buffer> request = request(method, path).putHeader("Content-Type", contentType);
    return new Response(request.sendBuffer(Buffer.buffer(body)).await());
  }

  /**
   * Starts the request and returns before its answer: requests meant to race are all under way before any of
   * them is answered. {@code idempotencyKey} (null for none) goes in the Idempotency-Key header.
   */
  public Future<Response> sendNow(HttpMethod method, String path, JsonObject body, String idempotencyKey) {
    HttpRequest<Buffer> request = request(method, path);
    if (idempotencyKey != null) {
      request.putHeader("Idempotency-Key", idempotencyKey);
    }
    return (body == null ? request.send() : request.sendJsonObject(body)).map(Response::new);
  }

  /** Waits for requests started with {@link #sendNow}, and gives their answers in the same order. */
  @SafeVarargs
  public static List<Response> answers(Future<Response>... started) {
    Future.join(List.of(started)).await();
    return Arrays.stream(started).map(Future::result).toList();
  }

  public Response send(HttpMethod method, String path, Object body) {
    HttpRequest<Buffer> request = request(method, path);
    HttpResponse<Buffer> response;
    if (body instanceof JsonObject object) {
      response = request.sendJsonObject(object).await();
    } else if (body instanceof JsonArray array) {
      response = request.sendJson(array).await();
    } else {
      response = request.send().await();
    }
    return new Response(response);
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path) {
    String uri = path.startsWith("/api/") || path.equals("/health") ? path : "/api/v1" + path;
    HttpRequest<Buffer> request = session.request(method, port, "127.0.0.1", uri);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    } else if (method != HttpMethod.GET) {
      request.putHeader("X-CSRF-Token", csrfToken);
    }
    return request;
  }
}
