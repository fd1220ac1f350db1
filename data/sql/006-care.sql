-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v6: care of dispersed tekun recipients (分散供养特困人员照料服务).
--
-- Every dispersed tekun recipient is assessed (six daily activities → a
-- care tier), has a care agreement between the township (甲方), a
-- caregiver (乙方) and themselves (丙方), is visited by staff and has the
-- caregiver evaluated.  Nothing here is ever deleted: an agreement ends
-- (terminated with a reason, or expired), a renewal or a new caregiver is a
-- new agreement linked to the one before, and the history of a recipient is
-- every row that names them.
--
-- "Expiring" is not stored: an active agreement whose end is 30 days away
-- or less (the standard care_expiring_days) is expiring on the day it is
-- looked at.  Likewise a visit or an evaluation is overdue by the date.

-- The numbers, as dated standards (DESIGN §3): visit interval, evaluation
-- period, agreement term, the expiring window and the reassessment deadline.
INSERT INTO standard_kinds (code, unit, by_hukou, sort_order) VALUES
  ('care_visit_months',          'months',   0, 31),
  ('care_evaluation_months',     'months',   0, 32),
  ('care_term_months',           'months',   0, 33),
  ('care_expiring_days',         'days',     0, 34),
  ('care_reassessment_workdays', 'workdays', 0, 35);

INSERT OR IGNORE INTO standards (kind, hukou, amount, rate_bp, effective_from, created_by, note) VALUES
  ('care_visit_months',          NULL, 1,  NULL, '2000-01-01', 'system', 'default'),
  ('care_evaluation_months',     NULL, 3,  NULL, '2000-01-01', 'system', 'default'),
  ('care_term_months',           NULL, 12, NULL, '2000-01-01', 'system', 'default'),
  ('care_expiring_days',         NULL, 30, NULL, '2000-01-01', 'system', 'default'),
  ('care_reassessment_workdays', NULL, 10, NULL, '2000-01-01', 'system', 'default');

-- The self-care assessment: each of the six activities done alone (1) or
-- not (0); the tier follows from them (jz_care_tier_from_activities()).
-- reported_on: a change in the recipient's condition was reported that day,
-- which makes a reassessment due within care_reassessment_workdays.
CREATE TABLE care_assessments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id    INTEGER NOT NULL REFERENCES persons (id),
  assessed_on  TEXT NOT NULL,
  assessor     TEXT NOT NULL CHECK (length (assessor) > 0),
  eating       INTEGER NOT NULL CHECK (eating IN (0, 1)),
  dressing     INTEGER NOT NULL CHECK (dressing IN (0, 1)),
  transfer     INTEGER NOT NULL CHECK (transfer IN (0, 1)),     -- getting in and out of bed
  toileting    INTEGER NOT NULL CHECK (toileting IN (0, 1)),
  walking      INTEGER NOT NULL CHECK (walking IN (0, 1)),      -- indoors
  bathing      INTEGER NOT NULL CHECK (bathing IN (0, 1)),
  tier         TEXT NOT NULL CHECK (tier IN ('self_care', 'partial_care', 'full_care')),
  note         TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1,
  CHECK (tier = CASE 6 - (eating + dressing + transfer + toileting + walking + bathing)
                  WHEN 0 THEN 'self_care' WHEN 1 THEN 'partial_care' WHEN 2 THEN 'partial_care'
                  WHEN 3 THEN 'partial_care' ELSE 'full_care' END)
);
CREATE INDEX care_assessments_person ON care_assessments (person_id, assessed_on);

-- A change reported in a recipient's condition, until the reassessment
-- that answers it (assessment_id).
CREATE TABLE care_changes (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id     INTEGER NOT NULL REFERENCES persons (id),
  reported_on   TEXT NOT NULL,
  due_on        TEXT NOT NULL,                         -- care_reassessment_workdays later
  description   TEXT NOT NULL DEFAULT '',
  assessment_id INTEGER REFERENCES care_assessments (id),
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX care_changes_person ON care_changes (person_id);

-- 乙方: a person, or an organisation with its legal representative.
CREATE TABLE caregivers (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  kind                 TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
  name                 TEXT NOT NULL CHECK (length (name) > 0),
  legal_representative TEXT NOT NULL DEFAULT '',       -- organisations
  id_number            TEXT NOT NULL DEFAULT '',       -- a person's, or the representative's
  phone                TEXT NOT NULL DEFAULT '',
  address              TEXT NOT NULL DEFAULT '',
  bank                 TEXT NOT NULL DEFAULT '',
  bank_account         TEXT NOT NULL DEFAULT '',
  version              INTEGER NOT NULL DEFAULT 1,
  CHECK (kind = 'organisation' OR length (id_number) = 18)
);

CREATE TABLE care_agreements (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  number             TEXT NOT NULL UNIQUE,             -- 协议编号, e.g. 370302101-2026-0007
  person_id          INTEGER NOT NULL REFERENCES persons (id),   -- 丙方
  case_id            INTEGER REFERENCES cases (id),    -- the dispersed tekun case
  township_id        INTEGER NOT NULL REFERENCES regions (id),   -- 甲方
  caregiver_id       INTEGER NOT NULL REFERENCES caregivers (id), -- 乙方
  relation           TEXT NOT NULL DEFAULT '',         -- the caregiver's to the recipient
  tier               TEXT NOT NULL CHECK (tier IN ('self_care', 'partial_care', 'full_care')),
  monthly_fee        INTEGER NOT NULL CHECK (monthly_fee >= 0),  -- fen
  care_content       TEXT NOT NULL DEFAULT '',
  frequency          TEXT NOT NULL DEFAULT '',
  starts_on          TEXT NOT NULL,
  ends_on            TEXT NOT NULL,
  signed_on          TEXT,                             -- NULL while a draft
  status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'expired', 'terminated')),
  ended_on           TEXT,                             -- terminated or expired
  end_reason         TEXT,
  previous_id        INTEGER REFERENCES care_agreements (id),  -- renewed or replaced
  link               TEXT CHECK (link IN ('renewal', 'replacement')),
  version            INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_on > starts_on),
  CHECK ((previous_id IS NULL) = (link IS NULL)),
  CHECK (status <> 'terminated' OR (ended_on IS NOT NULL AND length (end_reason) > 0)),
  CHECK (status IN ('draft', 'terminated') OR signed_on IS NOT NULL)
);
CREATE INDEX care_agreements_person ON care_agreements (person_id, starts_on);
CREATE INDEX care_agreements_caregiver ON care_agreements (caregiver_id);
CREATE INDEX care_agreements_previous ON care_agreements (previous_id);
-- One agreement in force per recipient.
CREATE UNIQUE INDEX care_agreements_one_active ON care_agreements (person_id) WHERE status = 'active';

-- checks: one bit each for food, clothing, housing safety, health,
-- hygiene, caregiver present, money received (jz-care.h); set = fine.
CREATE TABLE care_visits (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id      INTEGER NOT NULL REFERENCES persons (id),
  agreement_id   INTEGER REFERENCES care_agreements (id),
  visited_on     TEXT NOT NULL,
  visitors       TEXT NOT NULL CHECK (length (visitors) > 0),
  method         TEXT NOT NULL CHECK (method IN ('home', 'phone')),
  checks         INTEGER NOT NULL DEFAULT 0 CHECK (checks BETWEEN 0 AND 127),
  findings       TEXT NOT NULL DEFAULT '',
  follow_up      TEXT NOT NULL DEFAULT '',
  follow_up_due  TEXT,
  follow_up_done TEXT,                                 -- the day the follow-up was done
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK (follow_up_due IS NULL OR length (follow_up) > 0)
);
CREATE INDEX care_visits_person ON care_visits (person_id, visited_on);

-- A caregiver's evaluation for a period of the agreement.
CREATE TABLE care_evaluations (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id    INTEGER NOT NULL REFERENCES care_agreements (id),
  period_from     TEXT NOT NULL,
  period_to       TEXT NOT NULL,
  evaluated_on    TEXT NOT NULL,
  satisfaction    INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),   -- 非常不满意 … 非常满意
  neighbours      INTEGER NOT NULL CHECK (neighbours BETWEEN 1 AND 3),     -- poor, fair, good
  village         INTEGER NOT NULL CHECK (village BETWEEN 1 AND 3),
  score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  result          TEXT NOT NULL CHECK (result IN ('pass', 'basic_pass', 'fail')),
  opinion         TEXT NOT NULL DEFAULT '',
  evaluator       TEXT NOT NULL CHECK (length (evaluator) > 0),
  version         INTEGER NOT NULL DEFAULT 1,
  CHECK (period_to >= period_from)
);
CREATE INDEX care_evaluations_agreement ON care_evaluations (agreement_id, period_to);
