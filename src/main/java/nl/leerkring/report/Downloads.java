package nl.leerkring.report;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Sends a report or an export as a download, for the API and the pages alike. */
final class Downloads {

  private Downloads() {
  }

  static String reportName(String communityId, int number) {
    return "oogstverslag-" + communityId + "-cyclus-" + number + ".pdf";
  }

  static void send(RoutingContext ctx, String contentType, String fileName, Buffer body) {
    if (!ctx.response().ended()) {
      ctx.response().putHeader("Content-Type", contentType)
          .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
          .putHeader("Cache-Control", "no-store")
          .end(body);
    }
  }

  static void send(RoutingContext ctx, Table table, String format, String language, String communityId,
                   ExportDataset dataset) {
    String name = communityId + "-" + dataset.value() + "." + format;
    if ("csv".equals(format)) {
      send(ctx, "text/csv; charset=utf-8", name, Buffer.buffer(table.csv(language)));
    } else {
      send(ctx, "application/json; charset=utf-8", name, Buffer.buffer(table.json().encode()));
    }
  }
}
