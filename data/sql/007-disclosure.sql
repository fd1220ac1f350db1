-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v7: every disclosure list produced (公示名单), so that a posted
-- list can be shown to have been what it was and produced again: who made
-- it, when, in which format, with which choices (JSON of the query:
-- kind, programs, region, month or notice period, the privacy options)
-- and how many rows it had.  Rows are never changed or deleted.
CREATE TABLE disclosure_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,                 -- UTC, ISO 8601
  user_name TEXT NOT NULL,
  format    TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx', 'html', 'png', 'print', 'screen')),
  choices   TEXT NOT NULL CHECK (json_valid (choices)),
  rows      INTEGER NOT NULL CHECK (rows >= 0)
);
CREATE INDEX disclosure_log_at ON disclosure_log (at);

CREATE TRIGGER disclosure_log_no_update BEFORE UPDATE ON disclosure_log
BEGIN
  SELECT RAISE (ABORT, 'disclosure_log rows are never changed');
END;
CREATE TRIGGER disclosure_log_no_delete BEFORE DELETE ON disclosure_log
BEGIN
  SELECT RAISE (ABORT, 'disclosure_log rows are never deleted');
END;
