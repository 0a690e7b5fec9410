"""Child of bench/pdf.ts: pdfplumber's extract_text + extract_tables on every page of
every PDF named on the command line, ROUNDS times over in this one process; prints
the pages and the median round's wall and CPU milliseconds as JSON."""
import json
import sys
import time

import pdfplumber

rounds = int(sys.argv[1])
files = sys.argv[2:]


def one_round():
    pages = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                pages += 1
    return pages, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


runs = [one_round() for _ in range(rounds)]
median = lambda key: sorted(r[key] for r in runs)[len(runs) // 2]
print(json.dumps({"pages": runs[0][0], "wall": median(1), "cpu": median(2)}))
