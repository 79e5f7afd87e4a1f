"""Several processes, each with its own Client and the default throttle,
share one key on herokupp-sim with a small bucket: all finish, few 429s.

Counts 429s only; asserts nothing about time.

    shared_budget_test.py HEROKUPP_SIM WORKER
"""
import subprocess
import sys

CAPACITY = 40
REFILL_PER_MINUTE = 1200  # 20 a second
PROCESSES = 4
EACH = 50


def main() -> int:
    sim, worker = sys.argv[1], sys.argv[2]
    server = subprocess.Popen(
        [sim, "--port", "0", "--rate-limit", str(CAPACITY), "--rate-refill", str(REFILL_PER_MINUTE)],
        stdout=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline().split()
        env = dict(kv.split("=", 1) for kv in first)
        url, key = env["HEROKU_API_URL"], env["HEROKU_API_KEY"]
        workers = [subprocess.Popen([worker, url, key, str(EACH), str(CAPACITY), str(REFILL_PER_MINUTE)],
                                    stdout=subprocess.PIPE, text=True) for _ in range(PROCESSES)]
        requests = limited = 0
        ok = True
        for w in workers:
            out, _ = w.communicate(timeout=300)
            fields = out.split()
            print("worker:", out.strip())
            requests += int(fields[1])
            limited += int(fields[3])
            if w.returncode != 0 or int(fields[5]) != 0:
                ok = False
        share = limited / max(1, requests)
        print(f"{PROCESSES} processes, {requests} requests, {limited} answered 429 ({100 * share:.1f}%)")
        if not ok:
            print("FAIL: a worker did not finish every request")
            return 1
        # The bucket holds 40 of the 200 requests: an unpaced run collects a
        # 429 for most of the other 160 tries.
        if share > 0.05:
            print("FAIL: more than 5% of the requests were answered 429")
            return 1
        return 0
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
