package nl.leerkring.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Puts one target under closed-loop load: {@code concurrency} connections, each sending its next request as
 * soon as the last one was answered.
 */
interface LoadDriver {

  /** A request as the benchmark repeats it: the full URL, its headers and, for a POST, its JSON body. */
  record Target(String name, String method, String url, Map<String, String> headers, String body,
                int expectedStatus) {

    static Target get(String name, String url, Map<String, String> headers) {
      return new Target(name, "GET", url, headers, null, 200);
    }

    static Target post(String name, String url, Map<String, String> headers, String body) {
      return new Target(name, "POST", url, headers, body, 201);
    }
  }

  /** Answers per second, latency percentiles, and the requests that failed or were answered 4xx/5xx. */
  record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
  }

  Result run(Target target, int concurrency, Duration duration);

  /** What drives the load, for the report. */
  String describe();
}
