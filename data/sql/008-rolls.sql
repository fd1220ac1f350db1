-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v8: payment rolls (发放名册).
--
-- A roll is programs + a period (a month, or a quarter for dispersed
-- tekun) + a township or the whole district.  It is generated from the
-- cases in payment in the period, with the amount the benefit engine gives,
-- checked, then locked: from then on its lines and its money never change
-- (the triggers below refuse it, whatever writes).  A correction is a
-- back-payment (补发) or recovery (追缴) line of a later roll, with its
-- reason and the line it corrects.  Paid rolls carry the day they were paid.
CREATE TABLE rolls (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  programs     TEXT NOT NULL CHECK (length (programs) > 0),   -- codes, comma-separated, in program order
  period       TEXT NOT NULL,                                 -- 2026-06 or 2026-Q3
  period_from  TEXT NOT NULL,
  period_to    TEXT NOT NULL,
  months       INTEGER NOT NULL CHECK (months IN (1, 3)),
  township_id  INTEGER REFERENCES regions (id),               -- NULL: the whole district
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'checked', 'locked', 'paid')),
  due_on       TEXT NOT NULL,                                 -- to be paid by
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  checked_by   TEXT,
  locked_at    TEXT,
  locked_by    TEXT,
  paid_on      TEXT,
  lines        INTEGER NOT NULL DEFAULT 0,
  total        INTEGER NOT NULL DEFAULT 0,                    -- fen
  version      INTEGER NOT NULL DEFAULT 1,
  CHECK (period_to >= period_from),
  CHECK (status <> 'paid' OR paid_on IS NOT NULL),
  CHECK (status NOT IN ('locked', 'paid') OR locked_at IS NOT NULL)
);
CREATE INDEX rolls_period ON rolls (period, township_id);

CREATE TABLE roll_lines (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  roll_id        INTEGER NOT NULL REFERENCES rolls (id),
  case_id        INTEGER NOT NULL REFERENCES cases (id),
  household_id   INTEGER NOT NULL REFERENCES households (id),
  program        TEXT NOT NULL REFERENCES programs (code),
  kind           TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'back_payment', 'recovery')),
  months         INTEGER NOT NULL CHECK (months >= 1),
  monthly_amount INTEGER NOT NULL,                            -- fen, as the engine gave it
  amount         INTEGER NOT NULL,                            -- fen; a recovery is negative
  corrects       INTEGER REFERENCES roll_lines (id),          -- the line of a locked roll a correction is for
  reason         TEXT,
  CHECK ((kind = 'regular') = (corrects IS NULL)),
  CHECK (kind = 'regular' OR length (reason) > 0)
);
CREATE INDEX roll_lines_roll ON roll_lines (roll_id);
CREATE INDEX roll_lines_case ON roll_lines (case_id);

CREATE TRIGGER roll_lines_locked_insert BEFORE INSERT ON roll_lines
WHEN (SELECT status FROM rolls WHERE id = NEW.roll_id) IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
CREATE TRIGGER roll_lines_locked_update BEFORE UPDATE ON roll_lines
WHEN (SELECT status FROM rolls WHERE id = OLD.roll_id) IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
CREATE TRIGGER roll_lines_locked_delete BEFORE DELETE ON roll_lines
WHEN (SELECT status FROM rolls WHERE id = OLD.roll_id) IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
-- A locked roll may only be marked paid.
CREATE TRIGGER rolls_locked_update BEFORE UPDATE ON rolls
WHEN OLD.status IN ('locked', 'paid')
 AND NOT (OLD.status = 'locked' AND NEW.status = 'paid' AND NEW.lines = OLD.lines AND NEW.total = OLD.total
          AND NEW.programs = OLD.programs AND NEW.period = OLD.period
          AND NEW.township_id IS OLD.township_id)
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
CREATE TRIGGER rolls_locked_delete BEFORE DELETE ON rolls
WHEN OLD.status IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
