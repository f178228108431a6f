package nl.leerkring.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An HTTP answer with the checks tests make most. */
public record Response(HttpResponse<Buffer> raw) {

  public int status() {
    return raw.statusCode();
  }

  public String body() {
    return raw.bodyAsString();
  }

  public JsonObject json() {
    return raw.bodyAsJsonObject();
  }

  public JsonArray array() {
    return raw.bodyAsJsonArray();
  }

  public String errorCode() {
    return json().getJsonObject("error").getString("code");
  }

  /** Fails with the body in the message, which is what one needs to see when a status is unexpected. */
  public Response expect(int status) {
    assertEquals(status, status(), () -> "unexpected answer: " + body());
    return this;
  }

  public JsonObject ok() {
    return expect(200).json();
  }
}
