-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v9: one-off subsidies (一次性生活补贴) as payment rolls.
--
-- A one-off roll pays a fixed amount per person or per household to a
-- group — the people of some programs in payment on a day — and says how
-- the money is shared between the levels of government that fund it.  Its
-- lines are the roll's own ('regular'), one a case, months 1.  Like every
-- roll it is frozen once locked, its funding too.
ALTER TABLE rolls ADD COLUMN title TEXT CHECK (title IS NULL OR length (title) > 0);  -- NULL: a monthly or quarterly roll
ALTER TABLE rolls ADD COLUMN one_off_on TEXT;                                       -- the day the group is taken on
ALTER TABLE rolls ADD COLUMN one_off_per TEXT CHECK (one_off_per IN ('person', 'household'));
ALTER TABLE rolls ADD COLUMN one_off_amount INTEGER CHECK (one_off_amount > 0);     -- fen per person or household

CREATE TABLE roll_funding (
  roll_id   INTEGER NOT NULL REFERENCES rolls (id),
  level     TEXT NOT NULL CHECK (level IN ('central', 'province', 'city', 'county')),
  share_bp  INTEGER NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),   -- 60 % = 6000
  amount    INTEGER NOT NULL,                                              -- fen; the shares add up to the roll's total
  PRIMARY KEY (roll_id, level)
);

CREATE TRIGGER rolls_locked_one_off BEFORE UPDATE OF title, one_off_on, one_off_per, one_off_amount ON rolls
WHEN OLD.status IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
CREATE TRIGGER roll_funding_locked_insert BEFORE INSERT ON roll_funding
WHEN (SELECT status FROM rolls WHERE id = NEW.roll_id) IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
CREATE TRIGGER roll_funding_locked_update BEFORE UPDATE ON roll_funding
WHEN (SELECT status FROM rolls WHERE id = OLD.roll_id) IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
CREATE TRIGGER roll_funding_locked_delete BEFORE DELETE ON roll_funding
WHEN (SELECT status FROM rolls WHERE id = OLD.roll_id) IN ('locked', 'paid')
BEGIN
  SELECT RAISE (ABORT, 'a locked roll never changes');
END;
