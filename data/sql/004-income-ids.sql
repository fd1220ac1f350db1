-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v4: an income item's id is never given to another item.
--
-- Income items are the one kind of row that is really deleted.  With a
-- plain INTEGER PRIMARY KEY, SQLite hands the id of the newest removed row
-- to the next one added, and the audit log, which names rows by id, would
-- then mix two items.  AUTOINCREMENT keeps ids once used; the sequence
-- starts past every id the audit log has seen.
CREATE TABLE incomes_v4 (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id      INTEGER NOT NULL REFERENCES persons (id),
  kind           TEXT NOT NULL CHECK (kind IN ('wage', 'farming', 'business', 'pension', 'transfer', 'property', 'other')),
  monthly_amount INTEGER NOT NULL CHECK (monthly_amount >= 0),
  version        INTEGER NOT NULL DEFAULT 1
);
INSERT INTO incomes_v4 (id, person_id, kind, monthly_amount, version)
  SELECT id, person_id, kind, monthly_amount, version FROM incomes;
DROP TABLE incomes;
ALTER TABLE incomes_v4 RENAME TO incomes;
CREATE INDEX incomes_person ON incomes (person_id);
DELETE FROM sqlite_sequence WHERE name IN ('incomes', 'incomes_v4');
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'incomes', max (coalesce ((SELECT max (row_id) FROM audit_log WHERE table_name = 'incomes'), 0),
                         coalesce ((SELECT max (id) FROM incomes), 0));

-- A removed item is found in the history through the member its last
-- values name.
CREATE INDEX audit_log_removed_income ON audit_log (json_extract (old_values, '$.person_id'))
  WHERE table_name = 'incomes' AND action = 'delete';
