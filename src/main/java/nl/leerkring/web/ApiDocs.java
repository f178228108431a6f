package nl.leerkring.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API's documentation at /api/docs: Swagger UI from its webjar in this jar (no CDN), rendering the live
 * contract at /api/v1/openapi.yaml. Open to anyone, as the contract is. It needs nothing of the pages'
 * Content-Security-Policy relaxed: its scripts and styles come from this site, and it sets styles through the
 * DOM, which the policy allows.
 */
public final class ApiDocs {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String PAGE = "webroot/api/docs.html";

  private ApiDocs() {
  }

  public static void mount(Router router) {
    router.get("/api/docs").handler(RouteNames.named("/api/docs"))
        .handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").sendFile(PAGE));
    router.get("/api/docs/ui/*").handler(RouteNames.named("/api/docs/ui/*"))
        .handler(StaticHandler.create(WEBJAR + swaggerUiVersion()));
  }

  /** The webjar keeps its files under its version; its Maven properties say which that is. */
  static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = ApiDocs.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("The swagger-ui webjar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
