-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v3: dated standards by kind, the working-day calendar, users who
-- sign in, and the steps of the legal workflow on each case.

-- The kinds of standard, by the names Settings and the CLI use.  `unit`
-- says which column of `standards` holds the value and what it means:
--   fen     amount, money per month in fen
--   bp      rate_bp, a ratio or percentage in basis points (1.5 = 15000, 10 % = 1000)
--   months  amount, a count of months
-- `by_hukou` = 1: a row names urban or rural; 0: it holds for both.
CREATE TABLE standard_kinds (
  code       TEXT PRIMARY KEY,
  unit       TEXT NOT NULL CHECK (unit IN ('fen', 'bp', 'months', 'days', 'workdays')),
  by_hukou   INTEGER NOT NULL CHECK (by_hukou IN (0, 1)),
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO standard_kinds (code, unit, by_hukou, sort_order) VALUES
  ('dibao',                           'fen',    1,  1),
  ('min_wage',                        'fen',    0,  2),
  ('tekun_basic_ratio',               'bp',     1,  3),
  ('care_self_pct',                   'bp',     0,  4),
  ('care_partial_pct',                'bp',     0,  5),
  ('care_full_pct',                   'bp',     0,  6),
  ('increment_elderly_pct',           'bp',     0,  7),
  ('increment_minor_pct',             'bp',     0,  8),
  ('increment_severe_disability_pct', 'bp',     0,  9),
  ('increment_severe_illness_pct',    'bp',     0, 10),
  ('increment_sanwu_pct',             'bp',     0, 11),
  ('temp_illness_min',                'bp',     0, 12),
  ('temp_illness_max',                'bp',     0, 13),
  ('temp_education_min',              'bp',     0, 14),
  ('temp_education_max',              'bp',     0, 15),
  ('gradual_exit_months',             'months', 0, 16),
  ('disability_living',               'fen',    0, 17),
  ('disability_care',                 'fen',    0, 18),
  ('child_living',                    'fen',    0, 19);

-- Earlier files named two increments differently.
UPDATE standards SET kind = 'increment_severe_disability_pct' WHERE kind = 'increment_disabled_pct';
UPDATE standards SET kind = 'increment_severe_illness_pct' WHERE kind = 'increment_illness_pct';

-- Standards are dated rows: a new value is a new row from its date on, so
-- that what was decided under the old one can still be explained.
CREATE TABLE standards_v3 (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL REFERENCES standard_kinds (code),
  hukou          TEXT CHECK (hukou IN ('urban', 'rural')),
  region_id      INTEGER REFERENCES regions (id),  -- a township, NULL for the whole district
  amount         INTEGER CHECK (amount IS NULL OR amount >= 0),
  rate_bp        INTEGER CHECK (rate_bp IS NULL OR rate_bp >= 0),
  effective_from TEXT NOT NULL,
  created_at     TEXT NOT NULL DEFAULT '',
  created_by     TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK ((amount IS NULL) <> (rate_bp IS NULL))
);
INSERT INTO standards_v3 (id, kind, hukou, region_id, amount, rate_bp, effective_from, version)
  SELECT id, kind, hukou, region_id, amount, rate_bp, effective_from, version FROM standards;
DROP TABLE standards;
ALTER TABLE standards_v3 RENAME TO standards;
-- One value per kind, hukou, township and date.
CREATE UNIQUE INDEX standards_key ON standards (kind, coalesce (hukou, ''), coalesce (region_id, 0), effective_from);

-- The defaults the rules give; an office sets its money amounts itself.
INSERT OR IGNORE INTO standards (kind, hukou, rate_bp, effective_from, created_by, note) VALUES
  ('tekun_basic_ratio',  'urban', 15000,  '2000-01-01', 'system', 'default'),
  ('tekun_basic_ratio',  'rural', 13000,  '2000-01-01', 'system', 'default'),
  ('temp_illness_min',   NULL,    30000,  '2000-01-01', 'system', 'default'),
  ('temp_illness_max',   NULL,    120000, '2000-01-01', 'system', 'default'),
  ('temp_education_min', NULL,    30000,  '2000-01-01', 'system', 'default'),
  ('temp_education_max', NULL,    60000,  '2000-01-01', 'system', 'default');

-- The working-day calendar: Monday to Friday work unless listed as a
-- holiday; a weekend day listed as a workday (调休) works.  Editable in
-- Settings; the State Council's published days for 2025 and 2026 are filled in.
CREATE TABLE calendar_days (
  day  TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

INSERT INTO calendar_days (day, kind, name) VALUES
  ('2025-01-01', 'holiday', '元旦'),
  ('2025-01-26', 'workday', '春节'),
  ('2025-01-28', 'holiday', '春节'), ('2025-01-29', 'holiday', '春节'), ('2025-01-30', 'holiday', '春节'),
  ('2025-01-31', 'holiday', '春节'), ('2025-02-01', 'holiday', '春节'), ('2025-02-02', 'holiday', '春节'),
  ('2025-02-03', 'holiday', '春节'), ('2025-02-04', 'holiday', '春节'),
  ('2025-02-08', 'workday', '春节'),
  ('2025-04-04', 'holiday', '清明节'), ('2025-04-05', 'holiday', '清明节'), ('2025-04-06', 'holiday', '清明节'),
  ('2025-04-27', 'workday', '劳动节'),
  ('2025-05-01', 'holiday', '劳动节'), ('2025-05-02', 'holiday', '劳动节'), ('2025-05-03', 'holiday', '劳动节'),
  ('2025-05-04', 'holiday', '劳动节'), ('2025-05-05', 'holiday', '劳动节'),
  ('2025-05-31', 'holiday', '端午节'), ('2025-06-01', 'holiday', '端午节'), ('2025-06-02', 'holiday', '端午节'),
  ('2025-09-28', 'workday', '国庆节、中秋节'),
  ('2025-10-01', 'holiday', '国庆节、中秋节'), ('2025-10-02', 'holiday', '国庆节、中秋节'),
  ('2025-10-03', 'holiday', '国庆节、中秋节'), ('2025-10-04', 'holiday', '国庆节、中秋节'),
  ('2025-10-05', 'holiday', '国庆节、中秋节'), ('2025-10-06', 'holiday', '国庆节、中秋节'),
  ('2025-10-07', 'holiday', '国庆节、中秋节'), ('2025-10-08', 'holiday', '国庆节、中秋节'),
  ('2025-10-11', 'workday', '国庆节、中秋节'),
  ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦'),
  ('2026-02-14', 'workday', '春节'),
  ('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节'),
  ('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节'),
  ('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节'),
  ('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节');

-- Signing in.  password_hash is libsodium's argon2id string; NULL means the
-- account cannot sign in until an administrator sets a password.
-- Wrong passwords push retry_after (UTC) further out.
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN retry_after TEXT;
ALTER TABLE users ADD COLUMN created_at TEXT NOT NULL DEFAULT '';

-- Facts about a member the rules ask for.
-- sanwu: 三无 — no labour capacity, no source of income, no legal supporter.
ALTER TABLE persons ADD COLUMN sanwu INTEGER NOT NULL DEFAULT 0 CHECK (sanwu IN (0, 1));
-- A student's expected graduation, for the review alert.
ALTER TABLE persons ADD COLUMN graduates_on TEXT;

-- The workflow's dates and flags on a case.
ALTER TABLE cases ADD COLUMN accepted_on TEXT;
ALTER TABLE cases ADD COLUMN investigated_on TEXT;      -- investigation started
ALTER TABLE cases ADD COLUMN notice_from TEXT;          -- the 7-day village notice
ALTER TABLE cases ADD COLUMN notice_to TEXT;
ALTER TABLE cases ADD COLUMN reviewed_on TEXT;          -- township first review
ALTER TABLE cases ADD COLUMN step_due_on TEXT;          -- deadline of the step the case waits for
ALTER TABLE cases ADD COLUMN process_due_on TEXT;       -- 30 working days from acceptance
ALTER TABLE cases ADD COLUMN process_limit_on TEXT;     -- 45 working days, at most
ALTER TABLE cases ADD COLUMN next_review_on TEXT;       -- yearly, half-yearly when income is unstable
ALTER TABLE cases ADD COLUMN unstable_income INTEGER NOT NULL DEFAULT 0 CHECK (unstable_income IN (0, 1));
ALTER TABLE cases ADD COLUMN emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1));  -- 先行救助: paid first
ALTER TABLE cases ADD COLUMN emergency_reviewed_on TEXT;
ALTER TABLE cases ADD COLUMN sampled INTEGER NOT NULL DEFAULT 0 CHECK (sampled IN (0, 1));      -- tekun, county sample
ALTER TABLE cases ADD COLUMN temp_kind TEXT CHECK (temp_kind IN ('illness', 'education', 'other'));
ALTER TABLE cases ADD COLUMN temp_multiple_bp INTEGER CHECK (temp_multiple_bp IS NULL OR temp_multiple_bp > 0);
ALTER TABLE cases ADD COLUMN exit_from TEXT;            -- gradual exit: income above the standard since
ALTER TABLE cases ADD COLUMN institution TEXT;          -- centralized tekun: the care institution paid
ALTER TABLE cases ADD COLUMN reason TEXT;               -- of a refusal, withdrawal, suspension or end
CREATE INDEX cases_step_due ON cases (step_due_on) WHERE step_due_on IS NOT NULL;
CREATE INDEX cases_next_review ON cases (next_review_on) WHERE next_review_on IS NOT NULL;

-- Members living in the household but not counted in its dibao (e.g. a
-- grown child working elsewhere); every other active member is counted.
CREATE TABLE case_exclusions (
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  person_id INTEGER NOT NULL REFERENCES persons (id),
  reason    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, person_id)
) WITHOUT ROWID;
CREATE INDEX case_exclusions_person ON case_exclusions (person_id);

-- A step records where it came from, the time it was taken and, for a
-- decision or a change of amount, the itemized breakdown (JSON) behind it.
ALTER TABLE case_history ADD COLUMN from_status TEXT;
ALTER TABLE case_history ADD COLUMN at TEXT NOT NULL DEFAULT '';
ALTER TABLE case_history ADD COLUMN breakdown TEXT CHECK (breakdown IS NULL OR json_valid (breakdown));
