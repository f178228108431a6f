-- PageBenchmark's POST targets through wrk: the login cookie and the CSRF token come as -H options, the JSON
-- body in the environment, so that the note written is defined in one place (PageBenchmark).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
