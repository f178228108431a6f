package nl.leerkring.web;

import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/**
 * The address a request comes from. Behind a reverse proxy every request seems to come from the proxy, so
 * X-Forwarded-For is read, but only when the request really comes from a proxy the operator named: anyone
 * else could write any address there and escape a limit per address.
 */
public final class ClientAddress {

  private final Set<String> trustedProxies;

  public ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(RoutingContext ctx) {
    String peer = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (forwarded == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    // Walk from the nearest hop: the first address not of a trusted proxy is the one the proxies saw.
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
