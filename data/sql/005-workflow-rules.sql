-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v5: the numbers of the workflow as dated standards.
--
-- The deadlines, the village notice, the review intervals and the county's
-- tekun sample are rules an office may be told to change (DESIGN §3: every
-- number is a default in data with an effective date), so they are kinds
-- of standard like the money amounts.  A step uses the values in force on
-- its own date, a township's own value before the district's; what a step
-- computed stays on the case when a value changes later.
--
-- Two units besides those of 003:
--   days      amount, calendar days
--   workdays  amount, working days of the calendar_days calendar
-- Files made before 003 allowed them have the narrower CHECK, so the kinds
-- table is made again.  standards refers to it: the parent rows are put
-- back in the same transaction, which deferred foreign keys allow.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE standard_kinds_v4 AS SELECT code, unit, by_hukou, sort_order FROM standard_kinds;
DROP TABLE standard_kinds;
CREATE TABLE standard_kinds (
  code       TEXT PRIMARY KEY,
  unit       TEXT NOT NULL CHECK (unit IN ('fen', 'bp', 'months', 'days', 'workdays')),
  by_hukou   INTEGER NOT NULL CHECK (by_hukou IN (0, 1)),
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO standard_kinds (code, unit, by_hukou, sort_order)
  SELECT code, unit, by_hukou, sort_order FROM standard_kinds_v4;
DROP TABLE temp.standard_kinds_v4;

INSERT INTO standard_kinds (code, unit, by_hukou, sort_order) VALUES
  ('deadline_investigation_start_workdays', 'workdays', 0, 20),
  ('deadline_investigation_tekun_workdays', 'workdays', 0, 21),
  ('notice_days',                           'days',     0, 22),
  ('deadline_decision_workdays',            'workdays', 0, 23),
  ('deadline_decision_tekun_workdays',      'workdays', 0, 24),
  ('deadline_process_workdays',             'workdays', 0, 25),
  ('deadline_process_max_workdays',         'workdays', 0, 26),
  ('review_dibao_months',                   'months',   0, 27),
  ('review_unstable_months',                'months',   0, 28),
  ('review_tekun_months',                   'months',   0, 29),
  ('tekun_sample_pct',                      'bp',       0, 30);

-- The numbers of the 最低生活保障审核确认办法 (2021) and of the tekun rules:
-- the investigation starts within 3 working days of the acceptance (tekun:
-- takes at most 15); the village notice runs 7 days, both ends included;
-- the county decides within 10 working days of the township review (tekun
-- 15); the whole process takes 30 working days, 45 at most; dibao is
-- reviewed every 12 months, every 6 with an unstable income, tekun checked
-- yearly; the county checks at least 30 % of the tekun cases.
INSERT OR IGNORE INTO standards (kind, hukou, amount, rate_bp, effective_from, created_by, note) VALUES
  ('deadline_investigation_start_workdays', NULL, 3,    NULL, '2000-01-01', 'system', 'default'),
  ('deadline_investigation_tekun_workdays', NULL, 15,   NULL, '2000-01-01', 'system', 'default'),
  ('notice_days',                           NULL, 7,    NULL, '2000-01-01', 'system', 'default'),
  ('deadline_decision_workdays',            NULL, 10,   NULL, '2000-01-01', 'system', 'default'),
  ('deadline_decision_tekun_workdays',      NULL, 15,   NULL, '2000-01-01', 'system', 'default'),
  ('deadline_process_workdays',             NULL, 30,   NULL, '2000-01-01', 'system', 'default'),
  ('deadline_process_max_workdays',         NULL, 45,   NULL, '2000-01-01', 'system', 'default'),
  ('review_dibao_months',                   NULL, 12,   NULL, '2000-01-01', 'system', 'default'),
  ('review_unstable_months',                NULL, 6,    NULL, '2000-01-01', 'system', 'default'),
  ('review_tekun_months',                   NULL, 12,   NULL, '2000-01-01', 'system', 'default'),
  ('tekun_sample_pct',                      NULL, NULL, 3000, '2000-01-01', 'system', 'default');
