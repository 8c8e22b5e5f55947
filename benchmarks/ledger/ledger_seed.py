#!/usr/bin/env python3
"""Copies the demo's promises (with their ledger state) in SQL until the database holds N of them,
each copy moved by a whole number of weeks so the ledger spreads over the years like real data.
SQLite only (the file `tandem serve` writes under TANDEM_DATA_DIR), run while the server is stopped.
Usage: ledger_seed.py DATABASE N"""
import sqlite3
import sys
import uuid

path, target = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
columns = [row[1] for row in db.execute("PRAGMA table_info(promises)")]
state_columns = [row[1] for row in db.execute("PRAGMA table_info(promise_states)")]
originals = db.execute(f"SELECT {', '.join(columns)} FROM promises ORDER BY id").fetchall()
states = {row[0]: row for row in db.execute(f"SELECT {', '.join(state_columns)} FROM promise_states")}
count = len(originals)
if count == 0:
    sys.exit("no promises to copy: seed the demo first")
date_at = columns.index("delivery_date")
round_ = 0
rows, state_rows = [], []
while count + len(rows) < target:
    round_ += 1
    for original in originals:
        if count + len(rows) >= target:
            break
        row = list(original)
        new_id = uuid.UUID(int=(0x7E << 120) + round_ * 1_000_000 + len(rows))
        row[0] = new_id.bytes if isinstance(original[0], bytes) else str(new_id)
        if isinstance(row[date_at], (int, float)):
            row[date_at] = row[date_at] - round_ * 7 * 86_400
        rows.append(row)
        state = states.get(original[0])
        if state is not None:
            copied = list(state)
            copied[0] = row[0]
            state_rows.append(copied)
marks = ", ".join("?" for _ in columns)
db.executemany(f"INSERT INTO promises ({', '.join(columns)}) VALUES ({marks})", rows)
marks = ", ".join("?" for _ in state_columns)
db.executemany(f"INSERT INTO promise_states ({', '.join(state_columns)}) VALUES ({marks})", state_rows)
db.commit()
print(f"promises: {db.execute('SELECT COUNT(*) FROM promises').fetchone()[0]}")
